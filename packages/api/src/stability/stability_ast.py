"""Shipshape's stability pass: for each Python source given on stdin ({path: text}, JSON), the module-level
classes and functions with their decorators, docstring and the names their signatures reference, the module's
docstring, its literal __stability__ and __all__. Parses only (ast); never imports the code."""

import ast
import json
import sys

DOC_LIMIT = 2000


def dotted(node):
    if isinstance(node, ast.Call):
        return dotted(node.func)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return inner + "." + node.attr if inner else node.attr
    return "<expression>"


def annotation_names(node, out):
    """Names an annotation references: Name ids, the last part of dotted names, names inside string annotations."""
    if node is None:
        return
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            out.add(child.id)
        elif isinstance(child, ast.Attribute):
            out.add(child.attr)
        elif isinstance(child, ast.Constant) and isinstance(child.value, str):
            try:
                annotation_names(ast.parse(child.value, mode="eval").body, out)
            except SyntaxError:
                pass


def signature_names(fn):
    out = set()
    args = fn.args
    for arg in list(getattr(args, "posonlyargs", [])) + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
        if arg is not None:
            annotation_names(arg.annotation, out)
    annotation_names(fn.returns, out)
    return out


def docstring(node):
    try:
        text = ast.get_docstring(node, clean=True)
    except Exception:
        text = None
    return text[:DOC_LIMIT] if text else None


def module_statements(body):
    """Module-level statements, through if/try/with blocks (not through function or class bodies)."""
    for statement in body:
        yield statement
        for field in ("body", "orelse", "finalbody"):
            if isinstance(statement, (ast.If, ast.Try, ast.With)) or type(statement).__name__ == "TryStar":
                yield from module_statements(getattr(statement, field, []) or [])
        for handler in getattr(statement, "handlers", []) or []:
            yield from module_statements(handler.body)


def literal_strings(node):
    if isinstance(node, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def analyze(text):
    tree = ast.parse(text)
    result = {"error": None, "doc": docstring(tree), "stability": None, "all": None, "allLine": None, "definitions": []}
    for statement in module_statements(tree.body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            definition = {
                "name": statement.name,
                "kind": "class" if isinstance(statement, ast.ClassDef) else "function",
                "line": statement.lineno,
                "column": statement.col_offset + 1,
                "indent": statement.col_offset,
                "decorators": [dotted(d) for d in statement.decorator_list],
                "firstLine": min([d.lineno for d in statement.decorator_list] + [statement.lineno]),
                "doc": docstring(statement),
                "references": [],
            }
            names = set()
            if isinstance(statement, ast.ClassDef):
                for base in statement.bases:
                    annotation_names(base, names)
                for member in statement.body:
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                        not member.name.startswith("_") or member.name == "__init__"
                    ):
                        names |= signature_names(member)
                    elif isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name) and not member.target.id.startswith("_"):
                        annotation_names(member.annotation, names)
            else:
                names = signature_names(statement)
            names.discard(statement.name)
            definition["references"] = sorted(names)
            result["definitions"].append(definition)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if not isinstance(target, ast.Name):
                    continue
                if target.id == "__stability__" and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str):
                    result["stability"] = statement.value.value
                elif target.id == "__all__" and result["all"] is None and statement.value is not None:
                    result["all"] = literal_strings(statement.value)
                    result["allLine"] = statement.lineno
    return result


def main():
    sources = json.load(sys.stdin)
    out = {}
    for path, text in sources.items():
        try:
            out[path] = analyze(text)
        except SyntaxError as error:
            out[path] = {"error": "line %s: %s" % (error.lineno, error.msg)}
        except (ValueError, RecursionError, MemoryError) as error:
            out[path] = {"error": str(error)}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
