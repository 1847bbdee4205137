"""kg.visualize.embed: text that cannot break out of a <script> or <style> element."""

import json

from kg.visualize.embed import json_for_html, script_text, style_text


def test_json_for_html_escapes_what_could_end_the_script_and_round_trips():
    value = {"b": "</script><!-- & \u2028\u2029", "a": ["é", 1]}
    text = json_for_html(value)
    for char in "<>&\u2028\u2029":
        assert char not in text
    assert "é" in text  # not ASCII-escaped
    assert json.loads(text) == value


def test_json_for_html_is_deterministic_and_compact():
    assert json_for_html({"b": 1, "a": [1, 2]}) == '{"a":[1,2],"b":1}'


def test_script_and_style_text():
    assert script_text('x = "</script>"; // <!-- y') == 'x = "<\\/script>"; // <\\!-- y'
    assert "</script" not in script_text("</script</script")
    assert style_text("a::after { content: '</style>' }") == "a::after { content: '<\\/style>' }"
    assert style_text("a { color: red }") == "a { color: red }"
