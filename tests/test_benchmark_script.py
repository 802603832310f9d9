"""scripts/benchmark.py: its wrk output parser, page-weight link parser and arguments (no load is run)."""
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "benchmark.py"


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the guard keeps main() from running
    return module


@pytest.fixture(scope="module")
def report(benchmark):
    """The parsing and reporting half, which the script imports from beside it."""
    import benchmark_report  # the script put its folder on the path

    return benchmark_report


# Captured from wrk 4.1.0 against the bare view under gunicorn on the benchmark machine.
WRK_OK = """\
Running 3s test @ http://127.0.0.1:18001/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.87ms    4.25ms  32.98ms   90.53%
    Req/Sec     2.08k     1.00k    3.48k    49.18%
  Latency Distribution
     50%    5.40ms
     75%    9.72ms
     90%   11.98ms
     99%   20.58ms
  12627 requests in 3.10s, 2.08MB read
Requests/sec:   4073.69
Transfer/sec:    688.23KB
"""

# Captured: a URL the bare view does not have (every response a 404).
WRK_NON_2XX = """\
Running 1s test @ http://127.0.0.1:18001/missing
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    15.86ms    1.63ms  24.22ms   88.80%
    Req/Sec     1.00k    84.34     1.25k    90.91%
  Latency Distribution
     50%   16.18ms
     75%   16.70ms
     90%   17.08ms
     99%   17.77ms
  2197 requests in 1.10s, 768.26KB read
  Non-2xx or 3xx responses: 2197
Requests/sec:   1996.20
Transfer/sec:    698.04KB
"""

# Captured: a server that drops a third of its connections and stalls on another third.
WRK_SOCKET_ERRORS = """\
Running 2s test @ http://127.0.0.1:18998/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.08ms    8.32ms  23.58ms   71.43%
    Req/Sec    35.00      7.07    40.00    100.00%
  Latency Distribution
     50%    4.49ms
     75%   15.53ms
     90%   23.58ms
     99%   23.58ms
  7 requests in 2.00s, 280.00B read
  Socket errors: connect 0, read 14, write 0, timeout 0
Requests/sec:      3.49
Transfer/sec:     139.75B
"""


def test_parses_throughput_and_latency_percentiles(report):
    result = report.parse_wrk_output(WRK_OK)
    assert result["requests_per_sec"] == pytest.approx(4073.69)
    assert result["requests"] == 12627
    assert result["duration_s"] == pytest.approx(3.10)
    assert result["p50_ms"] == pytest.approx(5.40)
    assert result["p75_ms"] == pytest.approx(9.72)
    assert result["p90_ms"] == pytest.approx(11.98)
    assert result["p99_ms"] == pytest.approx(20.58)
    assert result["errors"] == 0
    assert result["non_2xx_3xx"] == 0


def test_counts_non_2xx_3xx_responses_as_errors(report):
    result = report.parse_wrk_output(WRK_NON_2XX)
    assert result["non_2xx_3xx"] == 2197
    assert result["errors"] == 2197
    assert result["p99_ms"] == pytest.approx(17.77)


def test_counts_socket_errors_as_errors(report):
    result = report.parse_wrk_output(WRK_SOCKET_ERRORS)
    assert result["socket_errors"] == {"connect": 0, "read": 14, "write": 0, "timeout": 0}
    assert result["errors"] == 14
    assert result["requests_per_sec"] == pytest.approx(3.49)


def test_latency_units_are_converted_to_milliseconds(report):
    text = WRK_OK.replace("     50%    5.40ms", "     50%  850.00us").replace("     99%   20.58ms", "     99%    1.20s")
    result = report.parse_wrk_output(text)
    assert result["p50_ms"] == pytest.approx(0.85)
    assert result["p99_ms"] == pytest.approx(1200.0)


def test_failed_wrk_run_is_an_error_not_a_zero(report):
    with pytest.raises(ValueError):
        report.parse_wrk_output("unable to connect to 127.0.0.1:18999 Connection refused\n")


PAGE_HTML = """<!doctype html>
<html lang="en"><head>
  <link rel="stylesheet" href="/static/css/bootstrap.min.0123abcd.css">
  <link rel="stylesheet" href="/static/css/site.45144be3a7b9.css">
  <link rel="stylesheet" href="/static/css/print.9f8e7d6c.css" media="print">
  <link rel="icon" href="/static/favicon.ico">
  <link rel="preload" href="/static/fonts/x.woff2" as="font">
  <link REL="alternate stylesheet" HREF="static/css/alt.css">
  <script src="/static/js/site.1a2b3c4d.js" defer></script>
  <script>/* inline: no src, nothing to fetch */</script>
</head><body>
  <a href="/options/">Options</a>
  <script src="/static/js/site.1a2b3c4d.js" defer></script>
</body></html>
"""


def test_link_parser_finds_stylesheets_and_scripts_once_in_order(report):
    assert report.parse_asset_links(PAGE_HTML) == [
        "/static/css/bootstrap.min.0123abcd.css",
        "/static/css/site.45144be3a7b9.css",
        "/static/css/print.9f8e7d6c.css",
        "static/css/alt.css",
        "/static/js/site.1a2b3c4d.js",
    ]


def test_link_parser_makes_links_absolute(report):
    links = report.parse_asset_links(PAGE_HTML, "http://127.0.0.1:8000/options/inpatient-rehab/")
    assert links[0] == "http://127.0.0.1:8000/static/css/bootstrap.min.0123abcd.css"
    assert "http://127.0.0.1:8000/options/inpatient-rehab/static/css/alt.css" in links


def test_hashed_static_url_comes_from_the_manifest(report):
    manifest = {"version": "1.1", "paths": {"css/site.css": "css/site.45144be3a7b9.css"}}
    assert report.hashed_static_url(manifest, "css/site.css", "/static/") == "/static/css/site.45144be3a7b9.css"


def test_a_page_is_summarised_by_its_median_round(report):
    runs = [
        {"requests_per_sec": 2000, "p50_ms": 10, "p99_ms": 30, "errors": 0, "bare_adjacent_rps": 4000, "ratio_to_bare": 0.50},
        {"requests_per_sec": 1500, "p50_ms": 14, "p99_ms": 60, "errors": 2, "bare_adjacent_rps": 3750, "ratio_to_bare": 0.40},
        {"requests_per_sec": 2600, "p50_ms": 8, "p99_ms": 20, "errors": 0, "bare_adjacent_rps": 4333, "ratio_to_bare": 0.60},
    ]
    summary = report.summarise_rounds(runs)
    assert summary["requests_per_sec"] == 2000
    assert summary["ratio_to_bare"] == 0.50
    assert summary["ratios_by_round"] == [0.50, 0.40, 0.60]
    assert summary["p99_ms"] == 60 and summary["errors"] == 2  # the worst, and every error


def test_pages_and_rounds_are_checked(benchmark, capsys):
    args = benchmark.parse_args(["--pages", "home,questionnaire result", "--rounds", "2"])
    assert args.pages == ["home", "questionnaire result"] and args.rounds == 2
    assert benchmark.parse_args(["--quick"]).rounds == 1
    for bad in (["--pages", "homepage"], ["--rounds", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            benchmark.parse_args(bad)
        assert exit_info.value.code == 2
    assert "unknown page(s): homepage" in capsys.readouterr().err
