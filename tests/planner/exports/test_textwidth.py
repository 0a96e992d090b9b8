"""Row heights come from how text wraps in Calibri (Carlito where LibreOffice prints): a row
too short cuts its text on paper, one too tall wastes pages."""

from __future__ import annotations

from planner.exports.textwidth import text_width, wrapped_lines


def test_letters_are_as_wide_as_calibri_draws_them():
    assert text_width("0000") == 4.0  # a column's width counts digits
    assert text_width("iiii") < text_width("0000") < text_width("MMMM")
    assert text_width("Grupo", bold=True) > text_width("Grupo")


def test_text_wraps_between_words_as_a_spreadsheet_wraps_it():
    # "Delegación de Panamá; Equipo" fits 26 digits where LibreOffice and Excel print it
    assert wrapped_lines("Delegación de Panamá; Equipo", 25) == 1
    assert wrapped_lines("Delegación de Panamá; Equipo de la OIM Honduras", 25) == 2
    # "Group A, Group B, Group C," takes 22.3 digits: two lines of 24, three of 20
    assert wrapped_lines("Group A, Group B, Group C, Group D, Panama delegation", 24) == 2
    assert wrapped_lines("Group A, Group B, Group C, Group D, Panama delegation", 20) == 3
    assert wrapped_lines("first\nsecond", 40) == 2  # its own lines kept
    assert wrapped_lines("", 10) == 1
    # a word longer than the line is broken over as many lines as it fills
    assert wrapped_lines("x" * 30, 10) == 3  # "x" is 0.85 of a digit: 25.5 digits
    assert wrapped_lines("PA3835607 " + "x" * 30, 10) == 4  # the long word on a line of its own
