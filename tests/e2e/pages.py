"""What the browser tests do the way a person does: sign in, look for the alert, run axe."""

from __future__ import annotations

import re
from pathlib import Path
from importlib.resources import files

import httpx
from playwright.sync_api import BrowserContext, Page, Worker, expect

AXE_JS = str(files("axe_playwright_python").joinpath("axe.min.js"))
PASSWORD = "shouhu-demo"


def sign_in(page: Page, login: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label("账号", exact=True).fill(login)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_role("button", name="登录").click()


def signed_in(page: Page, login: str) -> None:
    sign_in(page, login)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")


def sign_out(page: Page) -> None:
    """退出登录 in the banner, then the confirmation asked in place."""
    page.get_by_role("banner").get_by_role("button", name="退出登录").click()
    page.get_by_role("banner").get_by_role("button", name="确认退出").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def axe_violations(page: Page) -> list[dict]:
    # Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the CSP.
    page.evaluate(Path(AXE_JS).read_text(encoding="utf-8") + "\n;true")
    return page.evaluate(
        "axe.run().then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))"
    )


def serious_violations(page: Page) -> list[dict]:
    """axe's serious and critical findings on the page as it is now."""
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def student_row(page: Page, name: str):
    """The student's entry on the mentor's home card (the rota lists names too)."""
    return page.locator("li.student-row").filter(has=page.get_by_role("link", name=name, exact=True))


def wait_for_service_worker(page: Page) -> None:
    """Until the service worker controls the page. (wait_for_function would evaluate a string,
    which the app's CSP rightly forbids.)"""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    for _ in range(100):
        if page.evaluate("navigator.serviceWorker.controller !== null"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never took control of the page")


class Api:
    """GraphQL as one signed-in person, for setting up and cleaning up (not for what is tested)."""

    def __init__(self, server: str, login: str):
        self.client = httpx.Client(base_url=server, headers={"Origin": server})
        signed = "mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }"
        self.run(signed, l=login, p=PASSWORD)

    def run(self, query: str, **variables) -> dict:
        answer = self.client.post("/graphql", json={"query": query, "variables": variables}).json()
        assert not answer.get("errors"), answer
        return answer["data"]

    def close(self) -> None:
        self.client.close()


def service_worker(context: BrowserContext) -> Worker:
    for _ in range(50):
        if context.service_workers:
            return context.service_workers[0]
        context.wait_for_event("serviceworker", timeout=5000)
    raise AssertionError("no service worker")


def shown_notifications(page: Page) -> list[dict]:
    """The notifications the service worker shows, as the phone's notification shade would."""
    return page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.ready;
          const shown = await registration.getNotifications();
          return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data,
                                     requireInteraction: n.requireInteraction }));
        }"""
    )


def deliver_push(page: Page, data: str) -> None:
    """A push message arriving at the app's service worker, delivered by the browser itself
    (DevTools' ServiceWorker.deliverPushMessage, the path a push service's message takes after
    decryption); returns once a notification is shown."""
    cdp = page.context.new_cdp_session(page)
    registrations: list[dict] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    for _ in range(50):
        live = [r for r in registrations if not r["isDeleted"]]
        if live:
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("no service worker registration")
    before = len(shown_notifications(page))
    cdp.send("ServiceWorker.deliverPushMessage",
             {"origin": live[0]["scopeURL"], "registrationId": live[0]["registrationId"], "data": data})
    for _ in range(50):
        if len(shown_notifications(page)) > before:
            break
        page.wait_for_timeout(100)
    cdp.detach()


def tap_notification(worker: Worker) -> None:
    """A tap on the first notification shown."""
    worker.evaluate(
        """async () => {
          const [notification] = await self.registration.getNotifications();
          self.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
        }"""
    )

