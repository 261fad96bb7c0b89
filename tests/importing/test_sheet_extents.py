"""The sheet scan finds how far cells reach, however the XML is written or cut into chunks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tui.model.importing.sheet_extents import ods_extents, xlsx_extent

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def pieces(data: bytes, size: int) -> Iterator[bytes]:
    return (data[i : i + size] for i in range(0, len(data), size))


def cell(ref: str) -> str:
    return f'<c r="{ref}"><v>1</v></c>'


@pytest.mark.parametrize("size", [5, 64, 1 << 20])
def test_xlsx_far_cell_found_in_any_chunking(size: int) -> None:
    xml = f'<sheetData><row r="1">{cell("A1")}{cell("B1")}</row><row r="9">{cell("XFD9")}</row>'
    assert xlsx_extent(pieces(xml.encode(), size), quick=False)[:2] == (9, 16384)
    found = xlsx_extent(pieces(xml.encode(), size))  # exact, or a bound flagged as one
    assert found[:2] == (9, 16384) if found.exact else found.rows >= 9 and found.columns >= 16384


def test_xlsx_cells_without_references_count_in_order() -> None:
    xml = b"<row><c><v>1</v></c><c><v>1</v></c></row><row><c/><c/><c><v>2</v></c></row>"
    assert xlsx_extent([xml])[:2] == (2, 3)


def test_xlsx_prefixed_and_lower_case_tags() -> None:
    xml = b'<x:row r="3"><x:c r="xfd3"><x:v>1</x:v></x:c></x:row>'
    assert xlsx_extent([xml])[:2] == (3, 16384)


def test_xlsx_a_cell_that_closes_itself_holds_no_value() -> None:
    xml = f'<row r="1">{cell("A1")}<c r="ZZ900" s="1"/></row>'.encode()
    assert xlsx_extent([xml], quick=False)[:2] == (1, 1)


def test_xlsx_quick_reading_gives_a_bound_that_is_measured_when_too_large() -> None:
    narrow = "".join(f'<row r="{r}">{cell(f"H{r}")}</row>' for r in range(1, 50))
    wide = f'<row r="50">{cell("AB50")}</row>'
    chunks = [narrow.encode(), wide.encode()]
    bound = xlsx_extent(chunks)
    assert not bound.exact and bound.spans >= 999_999 * 28  # a bound, above the limit
    assert xlsx_extent(chunks, quick=False) == (50, 28, 50, True)  # what workbook_limits asks next


def test_xlsx_references_in_x_to_z_are_never_taken_for_narrow() -> None:
    xml = "".join(cell(f"X{r}") for r in range(1, 5)).encode()
    assert xlsx_extent([xml]) == (4, 24, 4, True)


def ods(body: str) -> bytes:
    return (
        f'<?xml version="1.0"?><office:document-content {NS}><office:body><office:spreadsheet>'
        f"{body}</office:spreadsheet></office:body></office:document-content>"
    ).encode()


VALUE = '<t:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></t:table-cell>'


@pytest.mark.parametrize("size", [7, 100, 1 << 20])
def test_ods_repeats_before_a_value_count_and_after_do_not(size: int) -> None:
    body = (
        f'<t:table t:name="A &amp; B"><t:table-row>{VALUE}</t:table-row>'
        '<t:table-row t:number-rows-repeated="10"><t:table-cell t:number-columns-repeated="50"/>'
        f'</t:table-row><t:table-row><t:table-cell t:number-columns-repeated="4"/>{VALUE}'
        '<t:table-cell t:number-columns-repeated="1000"/></t:table-row>'
        '<t:table-row t:number-rows-repeated="1048000"><t:table-cell '
        't:number-columns-repeated="1024"/></t:table-row></t:table>'
        f'<t:table t:name="Second"><t:table-row t:number-rows-repeated="3">{VALUE}{VALUE}'
        "</t:table-row></t:table>"
    )
    assert ods_extents(pieces(ods(body), size)) == [("A & B", 12, 5), ("Second", 3, 2)]


def test_ods_a_repeated_value_spans_all_its_repeats() -> None:
    repeated = VALUE.replace("<t:table-cell ", '<t:table-cell t:number-columns-repeated="300" ')
    body = (
        f'<t:table t:name="S"><t:table-row t:number-rows-repeated="7">{repeated}</t:table-row>'
        "</t:table>"
    )
    assert ods_extents([ods(body)]) == [("S", 7, 300)]


def test_xlsx_a_cell_without_reference_after_a_quick_chunk_asks_for_a_measure() -> None:
    chunks = [f'<row r="1">{cell("A1")}</row>'.encode(), b"<row><c><v>1</v></c></row>"]
    assert xlsx_extent(chunks).spans > 25_000_000
    assert xlsx_extent(chunks, quick=False)[:2] == (2, 1)


def test_xlsx_counting_stops_past_the_cell_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.model.importing.sheet_extents.MAX_CELLS", 10)
    chunks = [("".join(cell("A1") for _ in range(8))).encode()] * 3
    assert xlsx_extent(chunks).cells == 16  # stopped after the second chunk
