"""The console helpers shared by the CLI and the demo."""


def test_one_line_warnings_print_the_message_alone(capsys, monkeypatch):
    import warnings

    from weightsmith.show.console import one_line_warnings

    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)  # restored after the test
    one_line_warnings()
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("the float32 rounding of 's' is proven in real arithmetic only", UserWarning)
    err = capsys.readouterr().err
    assert err == "warning: the float32 rounding of 's' is proven in real arithmetic only\n"


def test_a_rounding_warning_drops_the_python_advice_at_the_command_line(capsys, monkeypatch):
    # a command that has no check of its own to offer says the finding alone: verify() is a Python call
    import warnings

    from weightsmith.compiler import RoundingWarning
    from weightsmith.show.console import one_line_warnings

    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    one_line_warnings()
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(RoundingWarning("'s' is proven in real arithmetic only"))
        warnings.warn(RoundingWarning("'t' is proven in real arithmetic only", "run the reference"))
    assert str(RoundingWarning("'s' is proven")) == "'s' is proven; verify() checks the model"
    assert capsys.readouterr().err == ("warning: 's' is proven in real arithmetic only\n"
                                       "warning: 't' is proven in real arithmetic only; run the reference\n")
