// Clicking a fact of the comparison outlines its words in every report's text.
document.addEventListener("click", (ev) => {
  const fact = ev.target.closest("li.fact");
  if (!fact) return;
  document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
  const key = fact.dataset.fact;
  const marks = [...document.querySelectorAll("mark[data-fact]")].filter((m) => m.dataset.fact === key);
  marks.forEach((m) => m.classList.add("focus"));
  if (marks[0]) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
});
