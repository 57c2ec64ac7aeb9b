// Loaded for its effect: makes the catalog visible to the admin console.
(globalThis as { __acmeCatalog?: boolean }).__acmeCatalog = true;

export {};
