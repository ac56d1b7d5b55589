"""What AT-SPI shows a screen reader of the kit's page (tools/orca_session/session.sh): the reader's role, states,
its text and caret, the line at the caret, and whether it has hyperlinks. Run with the system Python (pyatspi)."""

import pyatspi


def find(node, name: str, depth: int = 0):
    if node is None or depth > 30:
        return None
    if node.name == name and node.getRoleName() in ("label", "text", "document frame"):
        return node
    for child in node:
        found = find(child, name, depth + 1)
        if found is not None:
            return found
    return None


desktop = pyatspi.Registry.getDesktop(0)
app = next(a for a in desktop if a is not None and a.name == "kit")
page = find(app, "Page")
states = [pyatspi.stateToString(s) for s in page.getState().getStates()]
print(f"role: {page.getRoleName()}; description: {page.description!r}")
print(f"states: {' '.join(states)}")
print(f"interfaces: {' '.join(pyatspi.listInterfaces(page))}")
text = page.queryText()
print(f"text: {text.characterCount} characters; caret at {text.caretOffset}")
print(f"first line: {text.getTextAtOffset(0, pyatspi.TEXT_BOUNDARY_LINE_START)}")
print(f"line at the caret: {text.getTextAtOffset(text.caretOffset, pyatspi.TEXT_BOUNDARY_LINE_START)}")
try:
    print(f"hyperlinks: {page.queryHypertext().getNLinks()}")
except NotImplementedError:
    print("hyperlinks: no Hypertext interface")
