"""Shipshape's `-> None` finder: reads {"files": {path: source}} as JSON on stdin, writes JSON on stdout.

For each file, the functions and methods (module level and class bodies, not closures) that have no return
annotation, each with where ` -> None` would go (right after the closing parenthesis of the parameters; line
1-based, column in UTF-16 code units, as JavaScript counts) and whether it certainly never returns a value:

- no `return <value>` other than `return None`, no `yield` / `yield from` (closures and lambdas not counted);
- not abstract (`@abstractmethod`), not an `@overload`, no other decorator than staticmethod / classmethod
  (a decorator may change what the function returns);
- not a stub body (only `pass`, `...`, a docstring or `raise NotImplementedError`: a hook meant to be
  overridden), not a body that always ends in `raise` (that is `NoReturn`, not `None`);
- for a method, no method of the same name anywhere in the batch returns a value (an override we can see),
  and its class has no base we cannot see that may declare it with another return type (a class whose bases
  are all `object` or classes of the batch); `__init__` always returns None whatever the bases.

Never imports the code: parse only. Stdlib only, Python 3.8+.
"""

import ast
import io
import json
import sys
import tokenize

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
PLAIN_DECORATORS = {"staticmethod", "classmethod"}


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else None
    if isinstance(node, ast.Call):
        return dotted(node.func)
    return None


class BodyScan(ast.NodeVisitor):
    """What a function body does, closures and classes inside it left out."""

    def __init__(self):
        self.returns_value = False
        self.yields = False

    def visit_FunctionDef(self, node):
        pass

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_Lambda(self, node):
        pass

    def visit_Return(self, node):
        value = node.value
        if value is not None and not (isinstance(value, ast.Constant) and value.value is None):
            self.returns_value = True

    def visit_Yield(self, node):
        self.yields = True

    def visit_YieldFrom(self, node):
        self.yields = True

    def visit_Await(self, node):
        self.generic_visit(node)


def is_docstring(stmt):
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def raises_not_implemented(stmt):
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    name = dotted(stmt.exc)
    return name is not None and name.split(".")[-1] in ("NotImplementedError", "NotImplemented")


def is_stub_body(body):
    for stmt in body:
        if isinstance(stmt, ast.Pass) or is_docstring(stmt) or raises_not_implemented(stmt):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis:
            continue
        return False
    return True


def always_raises(body):
    """The body's last statement raises (so falling off the end, which returns None, never happens)."""
    last = body[-1] if body else None
    return isinstance(last, ast.Raise)


def scan(node):
    visitor = BodyScan()
    for stmt in node.body:
        visitor.visit(stmt)
    return visitor


def utf16_column(line_text, column):
    return len(line_text[:column].encode("utf-16-le")) // 2


def closing_parenthesis(tokens, def_tokens, node):
    """(line, column) just after the `)` that closes the parameters of `node`, found with tokenize."""
    # the `def` keyword is on node.lineno (decorators come before it in Python 3.8+)
    index = def_tokens.get(node.lineno)
    if index is None:
        return None
    depth = 0
    opened = False
    while index < len(tokens):
        tok = tokens[index]
        if tok.type == tokenize.OP and tok.string in "([{":
            if tok.string == "(" and depth == 0:
                opened = True
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth -= 1
            if opened and depth == 0:
                row, column = tok.end
                return row, utf16_column(tok.line, column)
        index += 1
    return None


def bases_known(cls, class_names):
    for base in cls.bases:
        name = dotted(base)
        if name is None:
            return False
        if name in ("object", "ABC", "abc.ABC"):
            continue
        if name.split(".")[-1] not in class_names:
            return False
    return not cls.keywords or all(k.arg != "metaclass" or dotted(k.value) in ("abc.ABCMeta", "ABCMeta") for k in cls.keywords)


def candidates(tree):
    """(function node, enclosing class or None) for module-level functions and class methods (nested classes too)."""
    found = []

    def walk(body, cls):
        for stmt in body:
            if isinstance(stmt, FUNCTIONS):
                found.append((stmt, cls))
            elif isinstance(stmt, ast.ClassDef):
                walk(stmt.body, stmt)
            elif isinstance(stmt, (ast.If, ast.Try, ast.With, ast.AsyncWith)):
                for part in ("body", "orelse", "finalbody"):
                    walk(getattr(stmt, part, []) or [], cls)
                for handler in getattr(stmt, "handlers", []) or []:
                    walk(handler.body, cls)

    walk(tree.body, None)
    return found


def verdict(node, cls, value_methods, class_names):
    decorators = [dotted(d) for d in node.decorator_list]
    names = [d.split(".")[-1] if d else None for d in decorators]
    if any(n in ("abstractmethod", "overload", "abstractproperty") for n in names):
        return "abstract or overload"
    if any(n not in PLAIN_DECORATORS for n in names):
        return "decorated (the decorator may change what it returns)"
    body = scan(node)
    if body.yields:
        return "a generator"
    if body.returns_value:
        return "returns a value"
    init = cls is not None and node.name == "__init__"
    if init:
        return None
    if is_stub_body(node.body):
        return "a stub body (meant to be overridden)"
    if always_raises(node.body):
        return "always raises"
    if cls is not None:
        if node.name in value_methods:
            return "a method of the same name returns a value elsewhere (an override)"
        if not bases_known(cls, class_names):
            return "its class derives from a class Shipshape cannot see, which may declare another return type"
    return None


def analyze(files):
    parsed = {}
    errors = {}
    for path, source in files.items():
        try:
            parsed[path] = (source, ast.parse(source, filename=path))
        except (SyntaxError, ValueError) as error:
            errors[path] = str(error)
    value_methods = set()
    class_names = set()
    for _, tree in parsed.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                class_names.add(node.name)
                for item in node.body:
                    if isinstance(item, FUNCTIONS):
                        body = scan(item)
                        if body.returns_value or body.yields:
                            value_methods.add(item.name)
    result = {}
    for path, (source, tree) in parsed.items():
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        except (tokenize.TokenError, SyntaxError) as error:
            errors[path] = str(error)
            continue
        def_tokens = {}
        for index, tok in enumerate(tokens):
            if tok.type == tokenize.NAME and tok.string == "def":
                def_tokens.setdefault(tok.start[0], index)
        entries = []
        for node, cls in candidates(tree):
            if node.returns is not None:
                continue
            where = closing_parenthesis(tokens, def_tokens, node)
            if where is None:
                continue
            reason = verdict(node, cls, value_methods, class_names)
            entries.append(
                {
                    "name": (cls.name + "." if cls is not None else "") + node.name,
                    "line": node.lineno,
                    "insertLine": where[0],
                    "insertColumn": where[1],
                    "none": reason is None,
                    "reason": reason,
                }
            )
        result[path] = entries
    return {"files": result, "errors": errors}


def main():
    request = json.loads(sys.stdin.read())
    json.dump(analyze(request["files"]), sys.stdout)


if __name__ == "__main__":
    main()
