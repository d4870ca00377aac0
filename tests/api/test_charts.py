"""The SVG charts read out loud and on a phone: titles, descriptions, labels and numbers."""

from __future__ import annotations

from xml.etree import ElementTree

from api.charts import Series, columns, hbars

SVG = "{http://www.w3.org/2000/svg}"


def parsed(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)


def test_bars_carry_a_title_a_description_labels_and_numbers() -> None:
    svg = parsed(hbars("c", "Negara <tujuan>", ["Malaysia", "Taiwan"], [Series("Orang", [12, 3])]))
    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == "Negara <tujuan>"
    assert svg.findtext(f"{SVG}desc") == "Malaysia: Orang 12; Taiwan: Orang 3"
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts == ["Malaysia", "12", "Taiwan", "3"]
    widths = [float(r.get("width", 0)) for r in svg.iter(f"{SVG}rect")]
    assert widths[0] > widths[1] * 3.9


def test_stacked_bars_show_the_row_total_and_a_legend() -> None:
    series = [Series("Perempuan", [2, 0]), Series("Laki-laki", [1, None])]
    svg = parsed(hbars("p", "Umur", ["18-24", "25-34"], series, stacked=True))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Perempuan" in texts and "Laki-laki" in texts and "3" in texts


def test_months_label_the_axis_and_every_column() -> None:
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    svg = parsed(columns("m", "Per bulan", months, [Series("Berangkat", list(range(12)))]))
    titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert "2026-12 · Berangkat: 11" in titles
    assert "01/26" in [t.text for t in svg.iter(f"{SVG}text")]
    assert svg.get("viewBox", "").startswith("0 0 360 ")


def test_an_empty_chart_is_still_valid_svg() -> None:
    assert parsed(columns("e", "Kosong", [], [Series("x", [])])).tag == f"{SVG}svg"
    assert parsed(hbars("e", "Kosong", [], [Series("x", [])])).tag == f"{SVG}svg"
