import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

/**
 * A code cell's editor: CodeMirror 6 with TypeScript highlighting. Its content element is
 * the `role="textbox"` CodeMirror gives it, labelled "Code cell N". Shift+Enter (and
 * Ctrl/Cmd+Enter) run the cell; Tab indents, and Escape hands Tab back to the browser for
 * two seconds (CodeMirror's tab-focus mode), so a keyboard user is never trapped.
 */
export interface CellEditorOptions {
  /** where the editor goes (its only child) */
  parent: HTMLElement;
  /** the initial code */
  doc: string;
  /** the accessible name of the textbox, e.g. "Code cell 4" */
  label: string;
  /** Shift+Enter / Ctrl+Enter */
  onRun: () => void;
  /** every change of the text */
  onChange: (code: string) => void;
}

/**
 * The colours of the site's highlight.js theme (a11y-light), so the editor looks like the
 * built code and every token keeps 4.5:1 contrast on the editor's background (CodeMirror's
 * default style has lighter colours that fail it).
 */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.comment, tags.meta], color: "#696969" },
  {
    tag: [
      tags.keyword,
      tags.operatorKeyword,
      tags.modifier,
      tags.controlKeyword,
      tags.definitionKeyword,
      tags.moduleKeyword,
    ],
    color: "#7928a1",
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "#008000" },
  {
    tag: [
      tags.number,
      tags.bool,
      tags.null,
      tags.atom,
      tags.typeName,
      tags.className,
      tags.standard(tags.variableName),
    ],
    color: "#aa5d00",
  },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.definition(tags.variableName)],
    color: "#007faa",
  },
  { tag: tags.invalid, color: "#d91e18" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "0.9375rem", border: "1px solid #d5dbe3", borderLeft: "4px solid #1f4e79", background: "#fefefe" },
  "&.cm-focused": { outline: "3px solid #f0a500", outlineOffset: "2px" },
  ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", padding: "0.5rem 0" },
  ".cm-gutters": { background: "#f5f7fa", color: "#4a5360", border: "none" },
  ".cm-activeLineGutter": { background: "#e4e8ee" },
});

/** Creates the editor. */
export function createCellEditor(options: CellEditorOptions): EditorView {
  const run = (): boolean => {
    options.onRun();
    return true;
  };
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        // long lines wrap: the editor never scrolls sideways, on a phone either
        EditorView.lineWrapping,
        syntaxHighlighting(highlightStyle),
        javascript({ typescript: true }),
        Prec.highest(
          keymap.of([
            { key: "Shift-Enter", run },
            { key: "Mod-Enter", run },
          ]),
        ),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        theme,
      ],
    }),
  });
}

/** Replaces the whole text of an editor. */
export function setEditorText(view: EditorView, code: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
}
