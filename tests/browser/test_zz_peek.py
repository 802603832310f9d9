import pytest
from urllib.parse import urlencode
from tests.browser.test_counsellor_journey import HEAVY_ANSWERS, pdf_page_count

VARIANTS = {
 "actual": "",
 "nb-lh12-cite6": ".because{display:none} body{line-height:1.2} .cite{font-size:6pt}",
 "nb-7pt-lh12": ".because{display:none} html,body{font-size:7pt} body{line-height:1.2} .cite{font-size:6pt}",
 "7pt-lh115-c6": "html,body{font-size:7pt} body{line-height:1.15} .cite{font-size:6pt}",
}

@pytest.mark.browser
def test_peek(make_site):
    site = make_site(bypass_csp=True)
    page = site.new_page()
    for name, css in VARIANTS.items():
        page.goto(site.url("/questionnaire/result/?" + urlencode(HEAVY_ANSWERS)))
        if css: page.add_style_tag(content=css)
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 718, "height": 1047})
        h = page.evaluate("[document.documentElement.scrollHeight, document.querySelector('.result-page').getBoundingClientRect().height, document.querySelector('main').getBoundingClientRect().bottom, document.body.getBoundingClientRect().height]")
        page.screenshot(path=f"/tmp/v-{name}.png", full_page=True)
        pdf = page.pdf(format="A4")
        open(f"/tmp/heavy-{name}.pdf", "wb").write(pdf)
        print("VARIANT", name, pdf_page_count(pdf), h)
