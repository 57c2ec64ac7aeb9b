"""Shipshape (@shipshape/api, facades): the signatures and raise statements of Python modules, from their syntax.

Reads {"files": {path: source}} as JSON on stdin and writes {path: result} as JSON on stdout. Nothing is
imported or run. Per module: its top-level functions and classes (through module-level if/try blocks), each
function with its parameters (kind, literal default, annotation as written) and the exceptions its own body
raises (nested functions and classes left out); each class with its bases and methods.
"""

import ast
import json
import sys


def dotted(node):
    """`a.b.C` for a Name/Attribute chain, None otherwise."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def text(node):
    if node is None:
        return None
    try:
        return ast.unparse(node)
    except Exception:  # pragma: no cover - ast.unparse exists from 3.9
        return dotted(node) or "<expression>"


def default_kind(node):
    if node is None:
        return None
    if isinstance(node, ast.Constant):
        if node.value is True:
            return "true"
        if node.value is False:
            return "false"
        if node.value is None:
            return "none"
    return "other"


def parameters(args):
    found = []
    positional = list(getattr(args, "posonlyargs", [])) + list(args.args)
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    posonly = len(getattr(args, "posonlyargs", []))
    for i, (arg, default) in enumerate(zip(positional, defaults)):
        found.append(
            {
                "name": arg.arg,
                "kind": "posonly" if i < posonly else "pos",
                "default": default_kind(default),
                "annotation": text(arg.annotation),
                "line": arg.lineno,
                "column": arg.col_offset + 1,
            }
        )
    if args.vararg is not None:
        found.append({"name": args.vararg.arg, "kind": "vararg", "default": None, "annotation": text(args.vararg.annotation),
                      "line": args.vararg.lineno, "column": args.vararg.col_offset + 1})
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        found.append({"name": arg.arg, "kind": "kwonly", "default": default_kind(default), "annotation": text(arg.annotation),
                      "line": arg.lineno, "column": arg.col_offset + 1})
    if args.kwarg is not None:
        found.append({"name": args.kwarg.arg, "kind": "kwarg", "default": None, "annotation": text(args.kwarg.annotation),
                      "line": args.kwarg.lineno, "column": args.kwarg.col_offset + 1})
    return found


class Raises(ast.NodeVisitor):
    """The raise statements of one function body, nested functions, lambdas and classes left out."""

    def __init__(self):
        self.found = []

    def visit_FunctionDef(self, node):
        pass

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_Raise(self, node):
        exc = node.exc
        if exc is None:
            return
        call = isinstance(exc, ast.Call)
        target = exc.func if call else exc
        literal = isinstance(target, ast.Constant) or isinstance(target, ast.JoinedStr)
        self.found.append(
            {
                "name": dotted(target),
                "call": call,
                "string": literal and (isinstance(target, ast.JoinedStr) or isinstance(target.value, str)),
                "line": node.lineno,
                "column": node.col_offset + 1,
            }
        )


def function(node, owner, conditional=False):
    raises = Raises()
    for statement in node.body:
        raises.visit(statement)
    return {
        "name": node.name,
        "class": owner,
        "async": isinstance(node, ast.AsyncFunctionDef),
        "decorators": [dotted(d.func if isinstance(d, ast.Call) else d) or "<expression>" for d in node.decorator_list],
        "params": parameters(node.args),
        "returns": text(node.returns),
        "raises": raises.found,
        "conditional": conditional,
        "line": node.lineno,
        "column": node.col_offset + 1,
    }


def module_statements(body, conditional=False):
    """Top-level statements, through module-level if/try/with blocks, each with whether it runs under a condition."""
    for statement in body:
        if isinstance(statement, ast.If):
            yield from module_statements(statement.body, True)
            yield from module_statements(statement.orelse, True)
        elif isinstance(statement, ast.Try) or type(statement).__name__ == "TryStar":
            yield from module_statements(statement.body, True)
            for handler in statement.handlers:
                yield from module_statements(handler.body, True)
            yield from module_statements(statement.orelse, True)
            yield from module_statements(statement.finalbody, conditional)
        elif isinstance(statement, (ast.With, ast.AsyncWith)):
            yield from module_statements(statement.body, conditional)
        else:
            yield statement, conditional


def analyse(source):
    tree = ast.parse(source)
    functions = []
    classes = []
    for statement, conditional in module_statements(tree.body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(function(statement, None, conditional))
        elif isinstance(statement, ast.ClassDef):
            methods = [
                function(member, statement.name, conditional)
                for member in statement.body
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef))
            ]
            classes.append(
                {
                    "name": statement.name,
                    "bases": [dotted(b) or "<expression>" for b in statement.bases],
                    "decorators": [dotted(d.func if isinstance(d, ast.Call) else d) or "<expression>" for d in statement.decorator_list],
                    "methods": methods,
                    "conditional": conditional,
                    "line": statement.lineno,
                    "column": statement.col_offset + 1,
                }
            )
    return {"functions": functions, "classes": classes, "error": None}


def main():
    request = json.load(sys.stdin)
    results = {}
    for path, source in request["files"].items():
        try:
            results[path] = analyse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            results[path] = {"functions": [], "classes": [], "error": "%s: %s" % (type(error).__name__, error)}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
