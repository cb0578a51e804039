#!/usr/bin/env python3
"""The web pages' story in a real browser (Debian's chromium and chromedriver, headless).

Run by WebPagesBrowserTests against a fresh `onewindow serve`:
    python3 scripts/web-pages-story.py --url http://127.0.0.1:PORT --out DIR --password PW

Every account named below exists (the test adds them). Each step checks exact texts; every page
visited is checked at 375 px and 1280 px (no horizontal overflow, the CJK font really used) and
screenshotted to DIR. Prints one `ok …` line per check and `PASSED <n> checks` at the end; any
failed check exits 1 with the reason.
"""
import argparse
import base64
import http.cookiejar
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from pypdf import PdfReader
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = 0


def ok(text):
    global CHECKS
    CHECKS += 1
    print("ok", text, flush=True)


def expect(condition, text):
    if not condition:
        raise AssertionError(text)
    ok(text)


def equal(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")
    ok(f"{what} = {expected!r}")


class Story:
    def __init__(self, url, out, password):
        self.url = url.rstrip("/")
        self.out = out
        self.password = password
        self.shots = 0
        opts = webdriver.ChromeOptions()
        opts.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--disable-dev-shm-usage", "--lang=zh-CN"):
            opts.add_argument(arg)
        if os.geteuid() == 0:
            opts.add_argument("--no-sandbox")
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        self.driver.set_page_load_timeout(30)

    # --- navigation -------------------------------------------------------------------------

    def open(self, path):
        self.driver.get(self.url + path)
        self.no_alert(path)

    def text(self, selector="body"):
        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def no_alert(self, where):
        try:
            alert = self.driver.switch_to.alert
            raise AssertionError(f"an alert opened on {where}: {alert.text!r}")
        except NoAlertPresentException:
            pass

    def submit(self, selector, by=By.CSS_SELECTOR):
        """Clicks a form's button (or a link) and waits until the next page replaced this one."""
        # A mark on this page's window: gone once another document loaded. (Waiting for the old
        # element to go stale races with chromedriver mid-navigation: "Node with given id does
        # not belong to the document".)
        self.driver.execute_script("window.storyPage = true")
        self.driver.find_element(by, selector).click()

        def replaced(driver):
            try:
                return driver.execute_script("return window.storyPage === undefined && document.readyState === 'complete'")
            except WebDriverException:
                return False

        WebDriverWait(self.driver, 20).until(replaced)
        self.no_alert(self.driver.current_url)

    def login(self, username):
        self.driver.delete_all_cookies()
        self.open("/web/login")
        self.driver.find_element(By.ID, "username").send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(self.password)
        self.submit("#login button")
        cookie = self.driver.get_cookie("ow_session")
        expect(cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict",
               f"{username} signed in: session cookie HttpOnly, SameSite=Strict")

    def logout(self):
        self.open("/")
        self.submit("form.logout button")
        expect(self.driver.get_cookie("ow_session") is None, "signed out: the session cookie is gone")

    def upload(self, kind, sample):
        self.open("/web/submit")
        Select(self.driver.find_element(By.ID, "kind")).select_by_value(kind)
        self.driver.find_element(By.ID, "packet").send_keys(sample if os.path.isabs(sample) else os.path.join(ROOT, sample))
        self.submit("#upload button")
        return self.text("#receipt-number")

    def decide(self, form_id, decision, reasons="", inspectors=None, inspected_on=None):
        Select(self.driver.find_element(By.ID, f"{form_id}-decision")).select_by_value(decision)
        if reasons:
            self.driver.find_element(By.ID, f"{form_id}-reasons").send_keys(reasons)
        if inspectors:
            self.driver.find_element(By.ID, f"{form_id}-inspectors").send_keys(inspectors)
            field = self.driver.find_element(By.ID, f"{form_id}-inspected")
            self.driver.execute_script("arguments[0].value = arguments[1]", field, inspected_on)
        self.submit(f"#{form_id} button")

    # --- checks on every page -----------------------------------------------------------------

    def check_page(self, name):
        """At 375 and 1280 px: no horizontal overflow, the CJK font used; a screenshot of each."""
        for width in (375, 1280):
            self.metrics(width)
            scroll, client = self.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            expect(scroll <= client, f"{name} at {width}px: no horizontal overflow ({scroll} <= {client})")
            self.shots += 1
            self.driver.save_screenshot(os.path.join(self.out, f"{self.shots:02d}-{name}-{width}.png"))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        # The fonts are asked through the DevTools DOM agent, whose node ids would disturb
        # chromedriver's own: in a tab of its own, closed afterwards.
        url = self.driver.current_url
        story_tab = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        try:
            self.driver.get(url)
            for width in (375, 1280):
                self.metrics(width)
                fonts = self.fonts_of("h1")
                expect("Noto Sans CJK SC" in fonts, f"{name} at {width}px: the heading is set in Noto Sans CJK SC ({', '.join(fonts)})")
        finally:
            self.driver.close()
            self.driver.switch_to.window(story_tab)

    def metrics(self, width):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def fonts_of(self, selector):
        """The platform fonts that really render the element (document.fonts.check cannot tell)."""
        self.driver.execute_cdp_cmd("DOM.enable", {})
        self.driver.execute_cdp_cmd("CSS.enable", {})
        for attempt in range(5):
            try:
                root = self.driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
                node = self.driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
                if not node:
                    raise AssertionError(f"no {selector} on {self.driver.current_url}")
                fonts = self.driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
                return [font["familyName"] for font in fonts]
            except WebDriverException as error:
                # The document was replaced between two DevTools calls (seen under load): ask again.
                if "does not belong to the document" not in str(error) or attempt == 4:
                    raise
                time.sleep(0.2)

    def inert(self, where, marker):
        """The hostile names are shown as text: no script or image element came from them."""
        self.no_alert(where)
        scripts = self.driver.execute_script("return document.querySelectorAll('script').length")
        images = self.driver.execute_script("return document.querySelectorAll('img').length")
        equal(scripts, 0, f"{where}: script elements")
        equal(images, 0, f"{where}: img elements")
        expect(marker in self.text(), f"{where}: the hostile name is shown as text ({marker!r})")

    # --- plain HTTP with the browser's cookies, for exact status codes ---------------------------

    def status(self, path, method="GET", data=None, with_cookies=True):
        request = urllib.request.Request(self.url + path, method=method, data=data)
        if with_cookies:
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
            request.add_header("Cookie", cookies)
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def close(self):
        self.driver.quit()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def hostile_packet(folder):
    """太兴里's pre-filing with names that are markup: a `<script>` and an attribute breakout."""
    with open(os.path.join(ROOT, "SampleFilings/valid/prefiling/taixingli.xml"), encoding="utf-8") as f:
        text = f.read()
    text = text.replace("<Name>太兴里</Name>",
                        "<Name>&lt;script&gt;alert('xss')&lt;/script&gt;太兴里</Name>", 1)
    text = text.replace("<Name>青岛市市南区历史街区保护更新有限公司</Name>",
                        "<Name>\"&gt;&lt;img src=x onerror=alert(2)&gt;公司</Name>", 1)
    # Another house number, building and proof numbers, so it is new and not refused as 太兴里's again.
    text = text.replace("<HouseNumber>10号</HouseNumber>", "<HouseNumber>99号</HouseNumber>", 1)
    text = text.replace("<Building>太兴里</Building>", "<Building>&lt;b&gt;楼</Building>", 1)
    text = text.replace("不动产权第00318", "不动产权第00918")
    path = os.path.join(folder, "hostile-prefiling.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    for path in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: install Debian's chromium and chromium-driver (scripts/test.sh does)")
    os.makedirs(args.out, exist_ok=True)
    story = Story(args.url, args.out, args.password)
    try:
        run(story)
    finally:
        story.close()
    print(f"PASSED {CHECKS} checks", flush=True)


def run(s):
    # The public home page, Chinese by default, with the English switch.
    s.open("/")
    equal(s.text("h1"), "一窗通办", "home heading")
    code, headers, _ = s.status("/", with_cookies=False)
    equal(code, 200, "GET / status")
    csp = headers["Content-Security-Policy"]
    expect("script-src" not in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp,
           f"CSP allows no script at all: {csp}")
    s.open("/?lang=en")
    equal(s.text("h1"), "OneWindow", "home heading in English")
    s.open("/?lang=zh")
    s.check_page("home")

    # Login failures and CSRF.
    s.driver.delete_all_cookies()
    s.open("/web/login")
    s.check_page("login")
    s.driver.find_element(By.ID, "username").send_keys("owner-taixingli")
    s.driver.find_element(By.ID, "password").send_keys("wrong password")
    s.submit("#login button")
    equal(s.text("#error"), "用户名或口令错误，或账号已停用。", "wrong password message")
    code, _, body = s.status("/web/login", "POST", b"username=owner-taixingli&password=x&csrf=0")
    equal(code, 403, "a POST without the form's CSRF token")

    # 1. The owner of 太兴里 uploads its pre-filing and sees the report at once.
    s.login("owner-taixingli")
    equal(s.driver.current_url, s.url + "/web/mine", "an owner lands on their filings")
    receipt = s.upload("prefiling", "SampleFilings/valid/prefiling/taixingli.xml")
    expect(re.fullmatch(r"RCPT-\d{8}-\d{6}", receipt) is not None, f"the pre-filing's receipt number {receipt}")
    equal(s.text("#outcome"), "通过", "太兴里 outcome")
    s.check_page("owner-receipt")
    taixingli_receipt = receipt
    # The printable 回执: one A4 page.
    s.open(f"/web/receipts/{receipt}/print")
    s.check_page("receipt-print")
    pdf = base64.b64decode(s.driver.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})["data"])
    with open(os.path.join(s.out, "receipt.pdf"), "wb") as f:
        f.write(pdf)
    equal(len(PdfReader(io.BytesIO(pdf)).pages), 1, "the printed 回执's A4 pages")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", os.path.join(s.out, "receipt.pdf"), "-"], capture_output=True, text=True).stdout
        expect("太兴里" in text and receipt in text, "the printed 回执 names the premises and its number")
    code, headers, body = s.status(f"/web/receipts/{receipt}/xml")
    equal(code, 200, "the receipt as XML")
    expect(body.startswith("<?xml") and receipt in body, "the downloaded receipt is the Receipt packet")
    code, _, body = s.status(f"/web/receipts/{receipt}/packet")
    equal(code, 200, "the original packet")
    expect("<Name>太兴里</Name>" in body, "the original packet is the uploaded file")
    s.open("/web/mine")
    expect("太兴里" in s.text("#my-prefilings") and "待审查" in s.text("#my-prefilings"),
           "my pre-filings lists 太兴里 as awaiting review (待审查)")
    s.check_page("owner-mine")
    s.logout()

    # 2. A reviewer approves it from the queue.
    s.login("reviewer-a")
    equal(s.driver.current_url, s.url + "/web/queue", "a clerk lands on the work queue")
    expect(taixingli_receipt in s.text("#prefilings"), "the queue lists 太兴里's pre-filing")
    s.check_page("queue")
    s.submit(taixingli_receipt, By.LINK_TEXT)
    record = s.text("#record")
    expect("青岛市市南区历史街区保护更新有限公司" in record and "太兴里" in record, "the packet page names owner and premises at the top")
    s.check_page("prefiling-page")
    s.decide("decision", "APPROVE")
    equal(s.text("#outcome"), "通过", "太兴里 approved")
    s.submit("#receipt a[href^='/web/prefilings/']")
    equal(s.text("#status"), "已备案", "太兴里's status after approval")
    taixingli = re.search(r"YBA-370202-\d{4}-\d{6}", s.text("#record")).group(0)
    equal(taixingli[-6:], "000001", "太兴里's pre-filing number sequence")
    s.logout()

    # 3. 三江里 entered at the window by clerk 0233 (a reviewer), who then may not approve it.
    s.login("reviewer-b")
    receipt = s.upload("prefiling", "SampleFilings/valid/prefiling/sanjiangli-consolidated.xml")
    equal(s.text("#outcome"), "通过", "三江里 outcome")
    sanjiangli_receipt = receipt
    s.open(f"/web/prefilings/{sanjiangli_receipt}")
    expect("您是本件录入人，审批将被拒绝。" in s.text("#four-eyes"), "four eyes is shown to the entering clerk")
    s.decide("decision", "APPROVE")
    equal(s.text("#outcome"), "退回（不予办理）", "the entering clerk's approval is refused")
    expect("工作人员 0233 录入了该预备案，不能自行审查" in s.text("#findings"), "the refusal names the four-eyes rule")
    s.check_page("four-eyes-refusal")
    s.logout()
    s.login("reviewer-a")
    s.open(f"/web/prefilings/{sanjiangli_receipt}")
    s.decide("decision", "APPROVE")
    equal(s.text("#outcome"), "通过", "三江里 approved by another reviewer")
    s.logout()

    # An owner cannot open another owner's record by changing the number in the URL.
    s.login("owner-sanjiangli")
    code, _, body = s.status(f"/web/prefilings/{taixingli}")
    equal(code, 404, "another owner's pre-filing")
    expect("没有此办件，或您无权查看。" in body and "太兴里" not in body, "the refusal tells nothing about it")
    code, _, _ = s.status(f"/web/receipts/{taixingli_receipt}")
    equal(code, 404, "another owner's receipt")
    code, _, _ = s.status(f"/web/receipts/{taixingli_receipt}/packet")
    equal(code, 404, "another owner's packet")
    code, _, _ = s.status("/web/queue")
    equal(code, 403, "the clerks' queue for an owner")
    s.logout()

    # 4. A clerk at a street centre enters a tenant registration (帮办代办).
    s.login("window-clerk")
    receipt = s.upload("registration", "SampleFilings/valid/registration/taixingli-zhanqiao-media.xml")
    equal(s.text("#outcome"), "通过", "the tenant registration outcome")
    s.check_page("registration-receipt")
    # The hostile packet, entered at the window: its names render inert on every page.
    folder = tempfile.mkdtemp()
    s.upload("prefiling", hostile_packet(folder))
    s.inert("the hostile packet's receipt", "<script>alert('xss')</script>太兴里")
    hostile_receipt = s.text("#receipt-number")
    print("hostile outcome:", s.text("#outcome"), "|", s.text("#findings")[:600].replace("\n", " "), flush=True)
    s.open("/web/queue")
    s.inert("the queue with the hostile packet", "<script>alert('xss')</script>太兴里")
    s.open(f"/web/prefilings/{hostile_receipt}")
    s.inert("the hostile packet's page", "\"><img src=x onerror=alert(2)>公司")
    s.open(f"/web/receipts/{hostile_receipt}/print")
    s.inert("the hostile packet's printed 回执", "<script>alert('xss')</script>太兴里")
    s.logout()

    # 5. The applicant submits 天晟吉祥烤鸭店's bundle (premises in 三江里) and sees the clock.
    s.login("applicant")
    receipt = s.upload("bundle", "SampleFilings/valid/bundle/tianshengjixiang-opening.xml")
    equal(s.text("#outcome"), "通过", "the bundle outcome")
    s.submit("#receipt a[href^='/web/bundles/']")
    bundle = re.search(r"YJS-370202-\d{4}-\d{6}", s.text("#record")).group(0)
    equal(s.text("#track-business"), "待审查", "the business track before review")
    equal(s.text("#track-food"), "待审查", "the food track before review")
    expect("剩余工作日" in s.text("#record"), "the applicant sees the clock")
    s.check_page("applicant-bundle")
    s.logout()

    # 6. Two clerks decide the tracks; an issuer issues both licences together.
    s.login("reviewer-a")
    expect(bundle in s.text("#bundles-business") and "天晟吉祥" in s.text("#bundles-business"), "the business track's lane lists the bundle")
    expect(bundle in s.text("#bundles-food"), "the food track's lane lists the bundle")
    equal(s.text("#bundles-issue"), "没有。", "nothing to issue yet")
    s.check_page("queue-with-bundle")
    s.submit(bundle, By.LINK_TEXT)
    s.check_page("bundle-page")
    s.decide("decide-business", "APPROVE")
    equal(s.text("#outcome"), "通过", "the business track approved")
    s.logout()
    s.login("reviewer-b")
    s.open(f"/web/bundles/{bundle}")
    food_form = s.driver.find_elements(By.ID, "decide-food-inspectors")
    if food_form:
        s.decide("decide-food", "APPROVE", inspectors="0301,0302", inspected_on=s.driver.execute_script(
            "return document.querySelector('#record').innerText.match(/\\d{4}-\\d{2}-\\d{2}/)[0]"))
    else:
        s.decide("decide-food", "APPROVE")
    equal(s.text("#outcome"), "通过", "the food track approved")
    s.logout()
    s.login("issuer")
    s.open(f"/web/bundles/{bundle}")
    s.submit("#issue button")
    uscc = s.text("#uscc")
    food = s.text("#food-licence")
    expect(re.fullmatch(r"92370202[0-9A-Z]{10}", uscc) is not None, f"the business licence's USCC {uscc}")
    expect(re.fullmatch(r"JY[0-9]{14}", food) is not None, f"the food licence number {food}")
    s.check_page("issuance")
    link = s.driver.find_element(By.LINK_TEXT, "下载出证回执（XML）").get_attribute("href")
    code, headers, body = s.status(urllib.parse.urlparse(link).path)
    equal(code, 200, "the issuance download")
    expect(uscc in body and food in body, "the downloaded issuance names both licence numbers")
    expect(headers["Content-Disposition"].startswith("attachment; filename="), "the issuance comes as a file")
    s.open(f"/web/search?q={uscc}")
    expect(bundle in s.text("#results"), "search by USCC finds the bundle")
    s.check_page("search")
    s.logout()

    # 7. The public: free places in 三江里, and the licence check.
    s.driver.delete_all_cookies()
    s.open("/web/places?building=" + urllib.parse.quote("三江里"))
    places = s.text("#places")
    expect("三江里" in places, "the public search lists 三江里's units")
    units = [cell.text for cell in s.driver.find_elements(By.CSS_SELECTOR, "#places tbody td:nth-child(4)")]
    left = [cell.text for cell in s.driver.find_elements(By.CSS_SELECTOR, "#places tbody td:nth-child(8)")]
    # 天晟吉祥 took A-1's only place; A-2 and B-1 have one each.
    equal(units, ["A-2", "B-1"], "三江里's units with free places")
    equal(left, ["1", "1"], "their remaining places")
    print("places:", " | ".join(row.text.replace("\n", " ") for row in s.driver.find_elements(By.CSS_SELECTOR, "#places tbody tr")), flush=True)
    s.check_page("public-places")
    s.open(f"/web/licences?number={uscc}")
    equal(s.text("#standing"), "有效", "the licence check")
    s.check_page("licence-check")
    # The English switch, remembered in a cookie, fits a phone too.
    s.open("/web/places?lang=en&building=" + urllib.parse.quote("三江里"))
    equal(s.text("h1"), "Pre-filed addresses", "the public search in English")
    s.open(f"/web/licences?number={uscc}")
    equal(s.text("#standing"), "valid", "the licence check in English (from the cookie)")
    s.check_page("licence-check-en")
    print(f"numbers: taixingli={taixingli} bundle={bundle} uscc={uscc} food={food}", flush=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", flush=True)
        sys.exit(1)
    except Exception:
        print("FAILED:", traceback.format_exc(), flush=True)
        sys.exit(1)
