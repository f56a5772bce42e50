// The static reader, in Python: the interpreter that runs Locust parses its files exactly, syntax errors with
// their line included, which a hand-written parser of Python in TypeScript would only approximate. Only
// `ast.parse` runs: the locustfile comes on stdin and is never imported, compiled or executed. The script prints
// facts and problem codes as JSON; the wording (and its translation) stays in TypeScript (model.ts).

/** Run as `python -I -S -B -c READER_SCRIPT` (isolated: no PYTHON* variables, no site, no cwd on sys.path). */
export const READER_SCRIPT = String.raw`
import ast, json, sys

USER_BASES = {"User", "HttpUser", "FastHttpUser", "HttpLocust", "Locust", "FastHttpLocust"}
TASKSET_BASES = {"TaskSet", "SequentialTaskSet", "TaskSequence"}

def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return inner + "." + node.attr if inner else None
    return None

def text(node):
    try:
        shown = ast.unparse(node)
    except Exception:
        shown = "?"
    return shown if len(shown) <= 120 else shown[:117] + "..."

def number(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    return None

def main():
    data = sys.stdin.buffer.read()
    try:
        tree = ast.parse(data)
    except SyntaxError as error:
        return {"syntaxError": {"line": error.lineno, "column": error.offset, "message": error.msg}}
    except (ValueError, RecursionError, MemoryError) as error:
        return {"syntaxError": {"line": None, "column": None, "message": str(error)[:200]}}

    alias = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "locust":
            for name in node.names:
                alias[name.asname or name.name] = name.name
    def resolve(name):
        if name is None:
            return None
        last = name.rsplit(".", 1)[-1]
        return alias.get(last, last)

    problems = []
    classes = {}
    order = []
    def collect(body, owner):
        for node in body:
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, node)
                order.append((node, owner))
                collect(node.body, node.name)
    collect(tree.body, None)
    functions = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}

    kinds = {}
    def kind_of(name, seen=()):
        if name in kinds:
            return kinds[name]
        if name in USER_BASES:
            return "user"
        if name in TASKSET_BASES:
            return "taskset"
        node = classes.get(name)
        if node is None or name in seen:
            return "user" if name.endswith("User") else "taskset" if name.endswith("TaskSet") else None
        found = None
        for base in node.bases:
            found = found or kind_of(resolve(dotted(base)), seen + (name,))
        kinds[name] = found
        return found

    def decorator_call(dec):
        call = dec if isinstance(dec, ast.Call) else None
        return resolve(dotted(call.func if call else dec)), call

    def read_decorators(node):
        weight, is_task, tags, dynamic = 1, False, [], False
        for dec in node.decorator_list:
            name, call = decorator_call(dec)
            if name == "task":
                is_task = True
                args = list(call.args) + [k.value for k in call.keywords if k.arg == "weight"] if call else []
                if args:
                    weight = number(args[0])
                    if weight is None:
                        problems.append({"code": "dynamicWeight", "line": node.lineno, "name": node.name, "expr": text(args[0])})
            elif name == "tag" and call:
                for arg in call.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        tags.append(arg.value)
                    else:
                        dynamic = True
                        problems.append({"code": "dynamicTag", "line": node.lineno, "name": node.name, "expr": text(arg)})
                if call.keywords:
                    dynamic = True
        return is_task, weight, tags, dynamic

    def entry(ref_node, weight, line):
        name = resolve(dotted(ref_node)) if dotted(ref_node) else None
        target = classes.get(name) if name else None
        if target is not None and kind_of(name) == "taskset":
            return taskset_entry(target, weight, [], False)
        fn = functions.get(name) if name else None
        if fn is not None:
            _, _, tags, dynamic = read_decorators(fn)
            return {"name": fn.name, "line": fn.lineno, "weight": weight, "tags": tags, "tagsDynamic": dynamic, "kind": "task", "tasks": []}
        return {"name": text(ref_node), "line": line, "weight": weight, "tags": [], "tagsDynamic": False, "kind": "task", "tasks": []}

    def taskset_entry(node, weight, tags, dynamic):
        _, _, own, own_dynamic = read_decorators(node)
        return {"name": node.name, "line": node.lineno, "weight": weight, "tags": tags or own, "tagsDynamic": dynamic or own_dynamic,
                "kind": "taskset", "tasks": tasks_of(node, (node.name,))}

    def tasks_of(node, stack):
        found = []
        declared = None
        for item in node.body:
            targets = item.targets if isinstance(item, ast.Assign) else [item.target] if isinstance(item, ast.AnnAssign) and item.value else []
            if any(isinstance(t, ast.Name) and t.id == "tasks" for t in targets):
                declared = item.value
        if declared is not None:
            if isinstance(declared, (ast.List, ast.Tuple, ast.Set)):
                found += [entry(el, 1, el.lineno) for el in declared.elts]
            elif isinstance(declared, ast.Dict):
                for key, value in zip(declared.keys, declared.values):
                    if key is None:
                        continue
                    weight = number(value)
                    if weight is None:
                        problems.append({"code": "dynamicWeight", "line": value.lineno, "name": text(key), "expr": text(value)})
                    found.append(entry(key, weight, key.lineno))
            else:
                problems.append({"code": "dynamicTasks", "line": declared.lineno, "name": node.name, "expr": text(declared)})
        else:
            for base in node.bases:
                base_name = resolve(dotted(base))
                base_node = classes.get(base_name)
                if base_node is not None and base_name not in stack:
                    found += [dict(t, inherited=t.get("inherited") or base_name) for t in tasks_of(base_node, stack + (base_name,))]
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                is_task, weight, tags, dynamic = read_decorators(item)
                if is_task:
                    found.append({"name": item.name, "line": item.lineno, "weight": weight, "tags": tags, "tagsDynamic": dynamic, "kind": "task", "tasks": []})
            elif isinstance(item, ast.ClassDef):
                is_task, weight, tags, dynamic = read_decorators(item)
                if is_task and item.name not in stack:
                    found.append(taskset_entry(item, weight, tags, dynamic))
        return found

    def attribute(node, key):
        for item in node.body:
            if isinstance(item, ast.Assign) and any(isinstance(t, ast.Name) and t.id == key for t in item.targets):
                return item.value
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and item.target.id == key and item.value:
                return item.value
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == key:
                return item
        return None

    users = []
    for node, owner in order:
        if owner is not None or kind_of(node.name) != "user":
            continue
        abstract = attribute(node, "abstract")
        weight, fixed, wait, host = (attribute(node, k) for k in ("weight", "fixed_count", "wait_time", "host"))
        if isinstance(wait, (ast.FunctionDef, ast.AsyncFunctionDef)):
            wait_text = "def wait_time()"
        else:
            wait_text = text(wait) if wait is not None else None
        host_text = host.value if isinstance(host, ast.Constant) and isinstance(host.value, str) else text(host) if host is not None else None
        tasks = tasks_of(node, (node.name,))
        is_abstract = isinstance(abstract, ast.Constant) and abstract.value is True
        if not tasks and not is_abstract:
            problems.append({"code": "noTasks", "line": node.lineno, "name": node.name})
        users.append({"name": node.name, "line": node.lineno, "weight": number(weight) if weight is not None else 1,
                      "fixedCount": number(fixed) if fixed is not None else None, "waitTime": wait_text, "host": host_text,
                      "abstract": is_abstract, "tasks": tasks})
    if not any(not u["abstract"] for u in users):
        problems.append({"code": "noUser", "line": None, "name": ""})
    return {"users": users, "problems": problems}

try:
    result = main()
except RecursionError:
    result = {"syntaxError": {"line": None, "column": None, "message": "nested too deeply to read"}}
sys.stdout.write(json.dumps(result))
`;
