"use strict";
(function () {
  const keyInput = document.getElementById("key");
  const status = document.getElementById("status");
  const doc = document.getElementById("doc");
  const stored = sessionStorage.getItem("supertickets-api-key");
  if (stored) { keyInput.value = stored; load(); }
  document.getElementById("load").addEventListener("click", load);
  keyInput.addEventListener("keydown", e => { if (e.key === "Enter") { load(); } });

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) { node.setAttribute(name, value); }
    for (const child of children) { if (child !== null && child !== undefined) { node.append(child); } }
    return node;
  }

  async function load() {
    const key = keyInput.value.trim();
    if (!key) { status.textContent = "Enter an API key first."; return; }
    status.textContent = "Loading...";
    const response = await fetch("/openapi/v1.json", { headers: { "X-Api-Key": key } });
    if (!response.ok) { status.textContent = "Could not load the description: HTTP " + response.status; return; }
    sessionStorage.setItem("supertickets-api-key", key);
    status.textContent = "";
    render(await response.json());
  }

  function refName(ref) { return ref.substring(ref.lastIndexOf("/") + 1); }

  function typeOf(schema) {
    if (!schema) { return "any"; }
    if (schema.$ref) { const a = el("a", { href: "#schema-" + refName(schema.$ref) }, refName(schema.$ref)); return a; }
    const types = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type || "");
    if (schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"))) {
      const item = typeOf(schema.items);
      const span = el("span", {}, "array of ");
      span.append(item);
      return span;
    }
    const format = schema.format ? " (" + schema.format + ")" : "";
    const values = schema.enum ? " [" + schema.enum.join(", ") + "]" : "";
    return (types || (schema.oneOf || schema.anyOf ? "one of several" : "object")) + format + values;
  }

  function parametersTable(parameters) {
    const table = el("table", {}, el("tr", {}, el("th", {}, "Parameter"), el("th", {}, "In"), el("th", {}, "Type"), el("th", {}, "Required")));
    for (const p of parameters) {
      table.append(el("tr", {}, el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", { class: "type" }, typeOf(p.schema)), el("td", {}, p.required ? "yes" : "no")));
    }
    return table;
  }

  function contentList(title, content) {
    const list = el("div", {}, el("strong", {}, title));
    for (const [mediaType, media] of Object.entries(content || {})) {
      list.append(el("div", {}, el("code", {}, mediaType), ": ", typeOf(media.schema)));
    }
    return list;
  }

  function operation(path, method, op) {
    const body = el("div", { class: "body" });
    if (op.description) { body.append(el("p", {}, op.description)); }
    if (op.parameters && op.parameters.length) { body.append(parametersTable(op.parameters)); }
    if (op.requestBody) { body.append(contentList("Request body", op.requestBody.content)); }
    const responses = el("div", {}, el("strong", {}, "Responses"));
    for (const [code, response] of Object.entries(op.responses || {})) {
      const line = el("div", {}, el("code", {}, code), " " + (response.description || ""));
      for (const [mediaType, media] of Object.entries(response.content || {})) { line.append(" - ", el("code", {}, mediaType), ": ", typeOf(media.schema)); }
      responses.append(line);
    }
    body.append(responses);
    return el("details", { class: "op" },
      el("summary", {}, el("span", { class: "method " + method }, method), el("span", { class: "path" }, path), el("span", { class: "summary" }, op.summary || "")),
      body);
  }

  function schemaSection(name, schema) {
    const section = el("div", { id: "schema-" + name }, el("h3", {}, name));
    const props = schema.properties || {};
    const required = new Set(schema.required || []);
    const table = el("table", {}, el("tr", {}, el("th", {}, "Property"), el("th", {}, "Type"), el("th", {}, "Required")));
    for (const [prop, propSchema] of Object.entries(props)) {
      table.append(el("tr", {}, el("td", {}, el("code", {}, prop)), el("td", { class: "type" }, typeOf(propSchema)), el("td", {}, required.has(prop) ? "yes" : "")));
    }
    section.append(Object.keys(props).length ? table : el("p", { class: "type" }, typeOf(schema)));
    return section;
  }

  function render(spec) {
    doc.replaceChildren();
    doc.append(el("p", { class: "intro" }, (spec.info && spec.info.description) || ""));
    const byTag = new Map();
    for (const [path, item] of Object.entries(spec.paths || {})) {
      for (const method of ["get", "post", "put", "patch", "delete"]) {
        if (!item[method]) { continue; }
        const tag = (item[method].tags && item[method].tags[0]) || "Other";
        if (!byTag.has(tag)) { byTag.set(tag, []); }
        byTag.get(tag).push(operation(path, method, item[method]));
      }
    }
    for (const [tag, operations] of byTag) { doc.append(el("h2", {}, tag), ...operations); }
    const schemas = (spec.components && spec.components.schemas) || {};
    if (Object.keys(schemas).length) {
      doc.append(el("h2", {}, "Schemas"));
      for (const name of Object.keys(schemas).sort()) { doc.append(schemaSection(name, schemas[name])); }
    }
  }
})();
