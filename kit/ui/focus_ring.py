"""A focus ring a keyboard user can see in every theme: Fusion marks the focused control with a pale tint of the
selection colour (about 2:1 against the page in the light theme, 1.6:1 in the dark one; WCAG 2.4.7 and 1.4.11 ask
for 3:1), so this style draws a solid two-pixel ring in the theme's focus colour over it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

RING_PX = 2
S = QStyle.StateFlag
P = QStyle.PrimitiveElement
C = QStyle.ComplexControl
# What Fusion draws for a focused control: the ring goes over it (item views, check boxes and tool buttons draw
# PE_FrameFocusRect; buttons, fields, lists and the reader draw a panel or frame that has the focus state).
RINGED_PRIMITIVES = {P.PE_FrameFocusRect, P.PE_PanelButtonCommand, P.PE_PanelLineEdit, P.PE_Frame, P.PE_PanelButtonTool}
RINGED_CONTROLS = {C.CC_SpinBox}  # a combo box draws its ring through PE_PanelButtonCommand


class FocusRingStyle(QProxyStyle):
    """Fusion, plus a ring of `colour` around whatever has the keyboard focus after a key moved it there."""

    def __init__(self, colour: str):
        super().__init__(QStyleFactory.create("Fusion"))
        self.colour = QColor(colour)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in RINGED_PRIMITIVES:
            self._ring(option, painter)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in RINGED_CONTROLS:
            self._ring(option, painter)

    def _ring(self, option, painter: QPainter) -> None:
        state = option.state
        if not (state & S.State_HasFocus and state & S.State_KeyboardFocusChange):
            return  # a mouse click does not ring a control; Tab, a shortcut or an arrow key does
        rect: QRect = option.rect.adjusted(1, 1, -RING_PX, -RING_PX)
        painter.save()
        pen = QPen(self.colour, RING_PX)
        pen.setJoinStyle(pen.joinStyle().MiterJoin)
        painter.setPen(pen)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawRect(rect)
        painter.restore()
