    /** @public */
    export const UNIT = 'px';

    export const SCALE = 2,
      OFFSET = 0;
