"""The tile map: positions keep geography recognisable, every force once, and the bins."""

from __future__ import annotations

import ast
import csv
import importlib.util
from pathlib import Path

import pytest

from tui.model.data.errors import DatasetError
from tui.model.findings.tilemap import (
    TilePosition,
    build_map,
    legend,
    load_positions,
    quantile_bins,
    step,
)

DATA = Path(__file__).resolve().parents[2] / "data"

# Police force areas that share a land border (ONS police force area boundaries).
BORDERS = [
    ("Cumbria", "Northumbria"),
    ("Cumbria", "Durham"),
    ("Cumbria", "Lancashire"),
    ("Cumbria", "North Yorkshire"),
    ("Northumbria", "Durham"),
    ("Durham", "Cleveland"),
    ("Durham", "North Yorkshire"),
    ("Cleveland", "North Yorkshire"),
    ("Lancashire", "Merseyside"),
    ("Lancashire", "Greater Manchester"),
    ("Lancashire", "West Yorkshire"),
    ("Lancashire", "North Yorkshire"),
    ("Merseyside", "Cheshire"),
    ("Merseyside", "Greater Manchester"),
    ("Greater Manchester", "Cheshire"),
    ("Greater Manchester", "West Yorkshire"),
    ("Greater Manchester", "Derbyshire"),
    ("West Yorkshire", "North Yorkshire"),
    ("West Yorkshire", "South Yorkshire"),
    ("West Yorkshire", "Derbyshire"),
    ("North Yorkshire", "Humberside"),
    ("North Yorkshire", "South Yorkshire"),
    ("South Yorkshire", "Derbyshire"),
    ("South Yorkshire", "Nottinghamshire"),
    ("South Yorkshire", "Humberside"),
    ("South Yorkshire", "Lincolnshire"),
    ("Humberside", "Lincolnshire"),
    ("Cheshire", "North Wales"),
    ("Cheshire", "Derbyshire"),
    ("Cheshire", "Staffordshire"),
    ("Cheshire", "West Mercia"),
    ("Derbyshire", "Staffordshire"),
    ("Derbyshire", "Nottinghamshire"),
    ("Derbyshire", "Leicestershire"),
    ("Nottinghamshire", "Lincolnshire"),
    ("Nottinghamshire", "Leicestershire"),
    ("Lincolnshire", "Leicestershire"),
    ("Lincolnshire", "Cambridgeshire"),
    ("Lincolnshire", "Norfolk"),
    ("Lincolnshire", "Northamptonshire"),
    ("North Wales", "Dyfed-Powys"),
    ("North Wales", "West Mercia"),
    ("Dyfed-Powys", "West Mercia"),
    ("Dyfed-Powys", "South Wales"),
    ("Dyfed-Powys", "Gwent"),
    ("South Wales", "Gwent"),
    ("Gwent", "West Mercia"),
    ("Gwent", "Gloucestershire"),
    ("Staffordshire", "West Mercia"),
    ("Staffordshire", "West Midlands"),
    ("Staffordshire", "Leicestershire"),
    ("Staffordshire", "Warwickshire"),
    ("West Midlands", "West Mercia"),
    ("West Midlands", "Warwickshire"),
    ("West Mercia", "Warwickshire"),
    ("West Mercia", "Gloucestershire"),
    ("Leicestershire", "Warwickshire"),
    ("Leicestershire", "Northamptonshire"),
    ("Cambridgeshire", "Norfolk"),
    ("Cambridgeshire", "Suffolk"),
    ("Cambridgeshire", "Northamptonshire"),
    ("Cambridgeshire", "Bedfordshire"),
    ("Cambridgeshire", "Hertfordshire"),
    ("Cambridgeshire", "Essex"),
    ("Norfolk", "Suffolk"),
    ("Suffolk", "Essex"),
    ("Gloucestershire", "Warwickshire"),
    ("Gloucestershire", "Thames Valley"),
    ("Gloucestershire", "Wiltshire"),
    ("Gloucestershire", "Avon and Somerset"),
    ("Warwickshire", "Northamptonshire"),
    ("Warwickshire", "Thames Valley"),
    ("Northamptonshire", "Bedfordshire"),
    ("Northamptonshire", "Thames Valley"),
    ("Bedfordshire", "Hertfordshire"),
    ("Bedfordshire", "Thames Valley"),
    ("Hertfordshire", "Essex"),
    ("Hertfordshire", "Metropolitan Police"),
    ("Hertfordshire", "Thames Valley"),
    ("Essex", "Metropolitan Police"),
    ("Avon and Somerset", "Wiltshire"),
    ("Avon and Somerset", "Dorset"),
    ("Avon and Somerset", "Devon & Cornwall"),
    ("Wiltshire", "Dorset"),
    ("Wiltshire", "Hampshire"),
    ("Wiltshire", "Thames Valley"),
    ("Thames Valley", "Hampshire"),
    ("Thames Valley", "Surrey"),
    ("Thames Valley", "Metropolitan Police"),
    ("Metropolitan Police", "Surrey"),
    ("Metropolitan Police", "Kent"),
    ("Metropolitan Police", "London, City of"),
    ("Hampshire", "Dorset"),
    ("Hampshire", "Surrey"),
    ("Hampshire", "Sussex"),
    ("Surrey", "Sussex"),
    ("Surrey", "Kent"),
    ("Sussex", "Kent"),
    ("Devon & Cornwall", "Dorset"),
]


def _territorial() -> list[str]:
    """The 43 territorial forces of England and Wales, read straight from forces.csv."""
    with open(DATA / "forces.csv", newline="", encoding="utf-8") as fh:
        return [
            r["force"]
            for r in csv.DictReader(fh)
            if r["kind"] == "territorial" and r["nation"] in ("England", "Wales")
        ]


@pytest.fixture(scope="module")
def pos() -> dict[str, TilePosition]:
    return {p.force: p for p in load_positions(DATA, _territorial())}


def test_every_territorial_force_is_on_the_map_exactly_once() -> None:
    with open(DATA / "force_tiles.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = [r["force"] for r in rows]
    assert len(_territorial()) == 43
    assert sorted(names) == sorted(_territorial())
    assert len({(r["row"], r["col"]) for r in rows}) == 43  # no two tiles in one cell
    labels = [r["label"] for r in rows]
    assert len(set(labels)) == 43 and all(3 <= len(x) <= 4 and x.isascii() for x in labels)


def test_map_fits_ten_rows_by_nine_columns(pos: dict[str, TilePosition]) -> None:
    assert max(p.row for p in pos.values()) < 10 and max(p.col for p in pos.values()) < 9
    assert min(p.row for p in pos.values()) == 0 and min(p.col for p in pos.values()) == 0


def test_north_is_up(pos: dict[str, TilePosition]) -> None:
    chain = [
        "Northumbria",
        "Durham",
        "North Yorkshire",
        "South Yorkshire",
        "Nottinghamshire",
        "Leicestershire",
        "Northamptonshire",
        "Hertfordshire",
        "Metropolitan Police",
        "Kent",
    ]
    rows = [pos[f].row for f in chain]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)
    assert pos["Northumbria"].row == pos["Cumbria"].row == 0
    assert pos["Cumbria"].row < pos["Lancashire"].row < pos["Cheshire"].row
    assert pos["West Midlands"].row < pos["Gloucestershire"].row < pos["Avon and Somerset"].row


def test_east_is_right(pos: dict[str, TilePosition]) -> None:
    west_to_east = [
        ("Merseyside", "Greater Manchester"),
        ("Greater Manchester", "West Yorkshire"),
        ("Cheshire", "Derbyshire"),
        ("Derbyshire", "Nottinghamshire"),
        ("Nottinghamshire", "Lincolnshire"),
        ("Gloucestershire", "Warwickshire"),
        ("Warwickshire", "Northamptonshire"),
        ("Northamptonshire", "Bedfordshire"),
        ("Hertfordshire", "Essex"),
        ("Devon & Cornwall", "Dorset"),
        ("Dorset", "Hampshire"),
        ("Hampshire", "Surrey"),
        ("Cambridgeshire", "Norfolk"),
    ]
    for west, east in west_to_east:
        assert pos[west].col < pos[east].col, (west, east)


def test_wales_is_west_of_the_english_midlands(pos: dict[str, TilePosition]) -> None:
    wales = ["North Wales", "Dyfed-Powys", "South Wales", "Gwent"]
    midlands = ["West Midlands", "Staffordshire", "Warwickshire", "Derbyshire", "Leicestershire"]
    assert max(pos[w].col for w in wales) < min(pos[m].col for m in midlands)
    # In every row, the Welsh tiles come before every English one.
    for w in wales:
        same_row = [p for p in pos.values() if p.row == pos[w].row and p.force not in wales]
        assert all(pos[w].col < p.col for p in same_row), w


def test_london_forces_are_adjacent_in_the_south_east(pos: dict[str, TilePosition]) -> None:
    met, city = pos["Metropolitan Police"], pos["London, City of"]
    assert abs(met.row - city.row) + abs(met.col - city.col) == 1  # side by side
    rows = max(p.row for p in pos.values()) + 1
    cols = max(p.col for p in pos.values()) + 1
    for p in (met, city):
        assert p.row >= rows * 0.7 and p.col >= cols / 2


def test_kent_bottom_right_and_devon_bottom_left(pos: dict[str, TilePosition]) -> None:
    kent, dc = pos["Kent"], pos["Devon & Cornwall"]
    bottom = max(p.row for p in pos.values())
    assert kent.row == bottom
    assert kent.col == max(p.col for p in pos.values() if p.row == bottom)
    assert kent.col > pos["Sussex"].col and kent.col > pos["Surrey"].col
    assert dc.col == 0 and dc.row >= bottom - 1
    assert not [p for p in pos.values() if p.row > dc.row and p.col <= dc.col + 1]


def test_neighbours_stay_near(pos: dict[str, TilePosition]) -> None:
    def apart(a: str, b: str) -> int:
        return max(abs(pos[a].row - pos[b].row), abs(pos[a].col - pos[b].col))

    assert all(apart(a, b) <= 2 for a, b in BORDERS)
    touching = sum(1 for a, b in BORDERS if apart(a, b) == 1)
    assert touching >= 0.85 * len(BORDERS)


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "force_tiles.csv").write_text("force,label,row,col\n" + body, encoding="utf-8")
    return tmp_path


def test_bad_tile_files_name_the_file_and_row(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"force_tiles.csv, row 3: cell \(0, 0\)"):
        load_positions(_write(tmp_path, "Kent,KENT,0,0\nSurrey,SURR,0,0\n"))
    with pytest.raises(DatasetError, match="row 2, column row/col"):
        load_positions(_write(tmp_path, "Kent,KENT,x,0\n"))
    with pytest.raises(DatasetError, match="row 3, column label: KENT"):
        load_positions(_write(tmp_path, "Kent,KENT,0,0\nSurrey,KENT,0,1\n"))
    with pytest.raises(DatasetError, match="forces missing: Sussex; not territorial: none"):
        load_positions(_write(tmp_path, "Kent,KENT,0,0\n"), ["Kent", "Sussex"])
    with pytest.raises(DatasetError, match="cannot read tile map"):
        load_positions(tmp_path / "nowhere")


def test_quantile_bins_cut_ranked_values_into_equal_groups() -> None:
    values: dict[str, float | None] = {f"f{i}": float(i) for i in range(1, 11)}
    values["none"] = None
    bins = quantile_bins(values, 5)
    assert "none" not in bins
    assert [bins[f"f{i}"] for i in range(1, 11)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert [(b.index, b.low, b.high, b.forces) for b in legend(values, bins)] == [
        (1, 1.0, 2.0, 2),
        (2, 3.0, 4.0, 2),
        (3, 5.0, 6.0, 2),
        (4, 7.0, 8.0, 2),
        (5, 9.0, 10.0, 2),
    ]


def test_ties_share_a_bin_and_few_values_get_one_bin_each() -> None:
    tied = quantile_bins({"a": 1.0, "b": 5.0, "c": 5.0, "d": 5.0, "e": 9.0}, 5)
    assert tied == {"a": 1, "b": 2, "c": 2, "d": 2, "e": 5}
    assert quantile_bins({"a": 3.0, "b": 1.0}, 5) == {"b": 1, "a": 2}
    assert quantile_bins({"a": 2.0, "b": 2.0, "c": 2.0}, 5) == {"a": 1, "b": 1, "c": 1}
    assert quantile_bins({}, 5) == {}
    with pytest.raises(ValueError):
        quantile_bins({"a": 1.0}, 0)


def test_build_map_leaves_missing_values_without_a_bin() -> None:
    places = [TilePosition("A", "AAA", 0, 0), TilePosition("B", "BBB", 0, 1)]
    places.append(TilePosition("C", "CCC", 1, 0))
    tm = build_map(places, {"A": 10, "B": None}, "count", "t")
    assert [(t.force, t.value, t.bin) for t in tm.tiles] == [
        ("A", 10, 1),
        ("B", None, None),
        ("C", None, None),
    ]
    assert tm.missing == ("B", "C") and (tm.rows, tm.cols) == (2, 2)
    assert tm.at(1, 1) is None and tm.tile("C") == tm.at(1, 0)
    assert [b.forces for b in tm.bins] == [1]


def test_arrow_keys_step_to_the_nearest_tile(pos: dict[str, TilePosition]) -> None:
    tm = build_map(pos.values(), {}, "count", "t")

    def go(force: str, drow: int, dcol: int) -> str | None:
        found = step(tm, force, drow, dcol)
        return found.force if found else None

    assert go("Metropolitan Police", 0, 1) == "London, City of"
    assert go("London, City of", 0, -1) == "Metropolitan Police"
    assert go("Kent", -1, 0) == "Metropolitan Police"
    assert go("Northumbria", -1, 0) is None
    assert go("London, City of", 0, 1) is None
    assert go("Cumbria", 1, 0) == "Lancashire"
    assert go("North Wales", 0, 1) == "Cheshire"


@pytest.mark.parametrize("module", ["tui.model.findings.tilemap", "tui.model.findings.peers"])
def test_result_modules_import_no_dataframe_code(module: str) -> None:
    """Screens import these types; they must not pull in Polars (even through queries)."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    }
    banned = {"polars", "tui.model.queries", "tui.model.data.dataset", "textual"}
    assert not imported & banned
