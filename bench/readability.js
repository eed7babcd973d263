// readability.js — the peer lede is measured against: Mozilla Readability.js
// on jsdom, the extractor behind Firefox's Reader View.
//
//     node bench/readability.js FILE...
//
// bench/run installs @mozilla/readability and jsdom into bench/node_modules
// and runs this over the same pages as lede, in one node process. The files
// are read (as UTF-8) before the clock starts, and the clock covers only what
// an extractor must do per page: parse the HTML into a DOM and run
// Readability's parse(). Node's start-up and module loading are left out,
// which favours the peer. Prints "SECONDS seconds PAGES pages BYTES bytes"
// as lede_floor does, then the articles found and the pages that threw.
"use strict";

const fs = require("fs");
const path = require("path");

const modules = path.join(__dirname, "node_modules");
const { JSDOM, VirtualConsole } = require(path.join(modules, "jsdom"));
const { Readability } = require(path.join(modules, "@mozilla/readability"));

const files = process.argv.slice(2);
const pages = files.map((file) => fs.readFileSync(file, "utf8"));
const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

// jsdom reports CSS it cannot parse on the console; silence it, as lede's
// parser is silenced.
const quiet = new VirtualConsole();

// A page on which jsdom or Readability throws (jsdom's CSS parser does on
// some style sheets) counts as a failure, with its time kept in the total.
let articles = 0;
let failures = 0;
const start = process.hrtime.bigint();
for (const html of pages) {
  let dom = null;
  try {
    dom = new JSDOM(html, { url: "https://example.com/article", virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article && article.textContent) articles++;
  } catch (err) {
    failures++;
  } finally {
    if (dom) dom.window.close();
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

console.log(
  `${seconds.toFixed(6)} seconds ${pages.length} pages ${bytes} bytes ` +
    `${articles} articles ${failures} failures`,
);
