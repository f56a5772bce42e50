// A small evaluator for the `when` clauses of a manifest's menus, so a test can say which commands the palette
// should show in a given state without trusting the extension. It knows the operators the manifest uses
// (`!`, `&&`, `||`, `==`, `!=`, `=~ /re/`, parentheses, `true`/`false`); a context key the caller did not
// provide throws, so a new clause in package.json makes the test say what it needs instead of guessing.

const TOKEN = /\s*(\(|\)|&&|\|\||!=|==|=~|!|\/(?:\\.|[^/\\])+\/[a-z]*|'[^']*'|"[^"]*"|[^\s()!=&|~]+)/y;

function tokenize(text) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (/^\s*$/.test(text.slice(at))) break;
      throw new Error(`when clause ${JSON.stringify(text)}: cannot read from column ${at}`);
    }
    tokens.push(match[1]);
  }
  return tokens;
}

/** Evaluates `clause` against `context` (an object of context key -> value). Undefined keys are an error. */
export function evaluateWhen(clause, context) {
  if (clause === undefined) return true;
  const tokens = tokenize(clause);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected) => {
    const token = tokens[i++];
    if (expected && token !== expected) throw new Error(`when clause ${JSON.stringify(clause)}: expected ${expected}, got ${token}`);
    return token;
  };
  const value = (token) => {
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (/^'.*'$|^".*"$/.test(token)) return token.slice(1, -1);
    if (!(token in context)) throw new Error(`when clause ${JSON.stringify(clause)} uses context key "${token}", which this test does not model`);
    return context[token];
  };
  const literal = (token) => (/^'.*'$|^".*"$/.test(token) ? token.slice(1, -1) : token);
  const primary = () => {
    const token = take();
    if (token === '(') {
      const result = or();
      take(')');
      return result;
    }
    if (token === '!') return !primary();
    const left = value(token);
    const op = peek();
    if (op === '==' || op === '!=') {
      take();
      const right = literal(take());
      return op === '==' ? String(left ?? '') === right : String(left ?? '') !== right;
    }
    if (op === '=~') {
      take();
      const re = /^\/(.*)\/([a-z]*)$/.exec(take());
      if (!re) throw new Error(`when clause ${JSON.stringify(clause)}: =~ needs a /regex/`);
      return new RegExp(re[1], re[2]).test(String(left ?? ''));
    }
    return Boolean(left);
  };
  const and = () => {
    let result = primary();
    while (peek() === '&&') {
      take();
      result = primary() && result;
    }
    return result;
  };
  const or = () => {
    let result = and();
    while (peek() === '||') {
      take();
      result = and() || result;
    }
    return result;
  };
  const result = or();
  if (i !== tokens.length) throw new Error(`when clause ${JSON.stringify(clause)}: unexpected ${tokens[i]}`);
  return result;
}
