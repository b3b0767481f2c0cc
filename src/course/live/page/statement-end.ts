/**
 * Where a top-level declaration ends, for reading an answer back out of an exercises file
 * a student edited by hand. A small scanner rather than a parser: it skips strings,
 * template literals (with their `${…}`), comments and regular-expression-free code, and
 * counts brackets. A value ends at its first `;` outside brackets (or, without one, at the
 * end of the line where the brackets close); a function ends at the bracket that closes
 * its body, whose opening brace is the last character of `head`.
 */
export function statementEnd(source: string, start: number, kind: "value" | "function"): number {
  let depth = 0;
  let i = start;
  const closes = (): number => {
    const eol = source.indexOf("\n", i);
    return eol === -1 ? source.length : eol;
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      i = closes();
      continue;
    }
    if (c === "/" && next === "*") {
      const close = source.indexOf("*/", i + 2);
      i = close === -1 ? source.length : close + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(source, i, c);
      continue;
    }
    if (c === "`") {
      i = skipTemplate(source, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0 && c === "}" && kind === "function") return i + 1;
    } else if (c === ";" && depth === 0 && kind === "value") return i + 1;
    else if (c === "\n" && depth === 0 && kind === "value" && !continues(source, start, i)) return i;
    i++;
  }
  return source.length;
}

/** A value statement without `;` goes on past a newline when its line ends in `=`, an operator or a comma, or the next line starts with one. */
function continues(source: string, start: number, newline: number): boolean {
  const before = source.slice(start, newline).trimEnd();
  const after = source.slice(newline + 1).trimStart();
  return /[=+\-*/%,&|?:<>.(]$/.test(before) || /^[+\-*/%&|?:.,)\]}]/.test(after);
}

function skipString(source: string, i: number, quote: string): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === "\\") j++;
    else if (source[j] === quote || source[j] === "\n") return j + 1;
  }
  return source.length;
}

function skipTemplate(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === "\\") j++;
    else if (source[j] === "`") return j + 1;
    else if (source[j] === "$" && source[j + 1] === "{") {
      // the expression inside ${…}: skip to its closing brace, nested templates included
      let depth = 1;
      j += 2;
      while (j < source.length && depth > 0) {
        if (source[j] === "`") j = skipTemplate(source, j) - 1;
        else if (source[j] === '"' || source[j] === "'") j = skipString(source, j, source[j]) - 1;
        else if (source[j] === "{") depth++;
        else if (source[j] === "}") depth--;
        j++;
      }
      j--;
    }
  }
  return source.length;
}
