"""Headless Chromium driven over the Chrome DevTools Protocol, for the report's browser tests.

:class:`Chromium` starts Debian's ``chromium`` (or another Chrome found on the PATH) with
networking off and an empty profile, and :meth:`Chromium.load` opens a page in a new tab
with the network emulated offline, recording every request, failed load, console error and
uncaught exception, and returns a :class:`Page` to measure, script and photograph.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websocket

BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: No network, no background traffic, no first-run or sync machinery; an empty profile.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--hide-scrollbars", "--remote-debugging-port=0")
TIMEOUT = 60


def find_chromium() -> str | None:
    """The first Chromium or Chrome on the PATH, or None."""
    return next((path for path in map(shutil.which, BINARIES) if path), None)


class Chromium:
    """One headless browser process and a DevTools connection to it."""

    def __init__(self, binary: str, width: int = 1280, height: int = 900) -> None:
        self.width, self.height = width, height
        self._profile = tempfile.TemporaryDirectory(prefix="policy-nlp-chromium-")
        # (in a session of its own, so that its helper processes can be stopped with it)
        self.process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            port, path = self._endpoint()
            self._ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=TIMEOUT,
                                                  suppress_origin=True)
        except BaseException:
            self.close()
            raise
        self._next_id = 0
        self._events: list[dict] = []

    def _endpoint(self) -> tuple[str, str]:
        """Chromium writes its port and browser path to DevToolsActivePort once it listens."""
        marker = Path(self._profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited with status {self.process.returncode}")
            lines = marker.read_text().split() if marker.is_file() else []
            if len(lines) == 2:
                return lines[0], lines[1]
            time.sleep(0.05)
        raise RuntimeError("chromium did not open its DevTools port")

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Call a DevTools method and return its result; events meanwhile are kept."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._ws.send(json.dumps(message))
        while True:
            reply = json.loads(self._ws.recv())
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_for(self, method: str, session: str) -> dict:
        """The first event ``method`` of ``session`` (already received or to come)."""
        for event in self._events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = json.loads(self._ws.recv())
            self._events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def load(self, path: Path) -> "Page":
        """Open ``path`` from disk in a new tab, offline, and wait until it and its images
        are loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        self.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                       "uploadThroughput": -1}, session=session)
        self.send("Emulation.setDeviceMetricsOverride", {"width": self.width, "height": self.height,
                                                         "deviceScaleFactor": 1, "mobile": False}, session=session)
        self.send("Page.navigate", {"url": Path(path).resolve().as_uri()}, session=session)
        self.wait_for("Page.loadEventFired", session)
        page = Page(self, target, session)
        page.evaluate("Promise.all(Array.from(document.images, i => i.decode().catch(() => null))).then(() => true)")
        page.events = [e for e in self._events if e.get("sessionId") == session]
        return page

    def close(self) -> None:
        ws = getattr(self, "_ws", None)
        if ws is not None:
            ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # Chromium's helper processes (renderer, GPU, crash handler) can outlive the browser
        # for a moment and still write into the profile: stop them all before removing it.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for attempt in range(20):
            try:
                self._profile.cleanup()
                return
            except OSError:
                time.sleep(0.1)
        shutil.rmtree(self._profile.name, ignore_errors=True)


@dataclass
class Page:
    browser: Chromium
    target: str
    session: str
    events: list[dict] = field(default_factory=list)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (promises are awaited)."""
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                        "awaitPromise": True}, session=self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def failed_loads(self) -> list[dict]:
        return [e["params"] for e in self.events if e.get("method") == "Network.loadingFailed"]

    def errors(self) -> list[str]:
        """Console errors, failed assertions, uncaught exceptions and error log entries
        (a blocked request or a content-security-policy violation is one)."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def screenshot(self) -> bytes:
        """A PNG of the whole page, not only the window."""
        size = self.browser.send("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                            "clip": clip}, session=self.session)
        return base64.b64decode(shot["data"])

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
