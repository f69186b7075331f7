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
