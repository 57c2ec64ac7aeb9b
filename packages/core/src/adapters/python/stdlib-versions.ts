/**
 * The top-level standard-library modules that only some Python versions have, as [first, last] version
 * (inclusive; undefined is open). Every other module of the running interpreter's `sys.stdlib_module_names`
 * is taken as standard on every Python 3. Sources: the "Removed" and "New Modules" sections of each
 * "What's New In Python 3.x", PEP 594 (dead batteries), and the Python 2.7 library reference for the
 * modules Python 3 renamed or dropped.
 */
const CHANGED: Record<string, readonly [string | undefined, string | undefined]> = {
  // removed from Python 3
  fpectl: [undefined, '3.6'],
  macpath: [undefined, '3.7'],
  dummy_threading: [undefined, '3.8'],
  _dummy_thread: ['3.0', '3.8'],
  formatter: [undefined, '3.9'],
  parser: [undefined, '3.9'],
  symbol: [undefined, '3.9'],
  binhex: [undefined, '3.10'],
  asynchat: [undefined, '3.11'],
  asyncore: [undefined, '3.11'],
  distutils: [undefined, '3.11'],
  imp: [undefined, '3.11'],
  smtpd: ['2.7', '3.11'],
  ...Object.fromEntries(
    [
      'aifc',
      'audioop',
      'cgi',
      'cgitb',
      'chunk',
      'crypt',
      'imghdr',
      'lib2to3',
      'mailcap',
      'msilib',
      'nis',
      'nntplib',
      'ossaudiodev',
      'pipes',
      'sndhdr',
      'spwd',
      'sunau',
      'telnetlib',
      'uu',
      'xdrlib',
    ].map((name) => [name, [undefined, '3.12'] as const]),
  ),
  // added after 3.11
  annotationlib: ['3.14', undefined],
  compression: ['3.14', undefined],
  _zstd: ['3.14', undefined],
  // Python 2 names that Python 3 renamed or dropped
  ...Object.fromEntries(
    [
      '__builtin__',
      '_winreg',
      'anydbm',
      'audiodev',
      'BaseHTTPServer',
      'Bastion',
      'bsddb',
      'Canvas',
      'CGIHTTPServer',
      'commands',
      'compiler',
      'ConfigParser',
      'Cookie',
      'cookielib',
      'copy_reg',
      'cPickle',
      'cStringIO',
      'dbhash',
      'Dialog',
      'dircache',
      'DocXMLRPCServer',
      'dumbdbm',
      'dummy_thread',
      'exceptions',
      'FileDialog',
      'FixTk',
      'fpformat',
      'future_builtins',
      'gdbm',
      'htmlentitydefs',
      'htmllib',
      'HTMLParser',
      'httplib',
      'ihooks',
      'imputil',
      'markupbase',
      'md5',
      'mhlib',
      'mimetools',
      'MimeWriter',
      'mimify',
      'multifile',
      'mutex',
      'new',
      'os2emxpath',
      'popen2',
      'posixfile',
      'Queue',
      'repr',
      'rexec',
      'rfc822',
      'robotparser',
      'ScrolledText',
      'sets',
      'sgmllib',
      'sha',
      'SimpleDialog',
      'SimpleHTTPServer',
      'SimpleXMLRPCServer',
      'SocketServer',
      'statvfs',
      'StringIO',
      'sunaudio',
      'thread',
      'Tix',
      'tkColorChooser',
      'tkCommonDialog',
      'Tkconstants',
      'Tkdnd',
      'tkFileDialog',
      'tkFont',
      'Tkinter',
      'tkMessageBox',
      'tkSimpleDialog',
      'toaiff',
      'ttk',
      'urllib2',
      'urlparse',
      'user',
      'UserDict',
      'UserList',
      'UserString',
      'whichdb',
      'xmlrpclib',
    ].map((name) => [name, ['2.7', '2.7'] as const]),
  ),
};

/** The Python versions Shipshape knows the standard library of, oldest first. */
export const PYTHON_VERSIONS: readonly string[] = ['2.7', ...Array.from({ length: 15 }, (_, minor) => `3.${minor}`)];

/** Modules that exist only in a type checker's view of the standard library (typeshed), never at run time or on PyPI. */
export const TYPESHED_ONLY_MODULES: ReadonlySet<string> = new Set(['_typeshed']);

function compare(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function inRange(version: string, [first, last]: readonly [string | undefined, string | undefined]): boolean {
  return (first === undefined || compare(version, first) >= 0) && (last === undefined || compare(version, last) <= 0);
}

/**
 * The top-level modules that are standard on at least one of `versions` (`3.9`, `3.14`): the interpreter's
 * own list (`running`, taken for every version but where the table says otherwise: it over-counts what Python
 * 2.7 lacked, which only spares a finding) and the table's.
 */
export function stdlibOfVersions(versions: readonly string[], running: Iterable<string>): Set<string> {
  const modules = new Set<string>();
  for (const name of running) {
    const range = CHANGED[name];
    if (range ? versions.some((v) => inRange(v, range)) : versions.length > 0) modules.add(name);
  }
  for (const [name, range] of Object.entries(CHANGED)) if (versions.some((v) => inRange(v, range))) modules.add(name);
  return modules;
}

/** Whether `module` (top level) is standard on some Python version, 2.7 included. */
export function stdlibInSomeVersion(module: string, running: ReadonlySet<string>): boolean {
  return running.has(module) || Object.hasOwn(CHANGED, module);
}
