/// The one stylesheet of the pages (`/web/static/site.css`): readable on a 375 px phone, a desk
/// screen, and on A4 paper; Noto Sans CJK SC (Debian's `fonts-noto-cjk`) first.
enum WebStyle {
  static let css = """
    :root { --ink: #1d2733; --muted: #5b6673; --line: #d5dbe3; --accent: #9e1b1b; --band: #f4f6f9; --ok: #1e6b34; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.6 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
    header.site { background: var(--accent); color: #fff; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
    header.site a { color: #fff; }
    .brand { margin: 0; font-weight: 700; flex: 1 1 100%; overflow-wrap: anywhere; }
    nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; flex: 1 1 auto; }
    .session { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .session form { display: inline; margin: 0; }
    .session button { padding: .1rem .6rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
    h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
    h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid var(--line); }
    a { color: #0b4f8a; }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--band); }
    tr.overdue td, .overdue { color: #b00020; font-weight: 700; }
    dl.facts { display: grid; grid-template-columns: minmax(6rem, 12rem) 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; }
    form.panel { background: var(--band); border: 1px solid var(--line); padding: .75rem 1rem; margin: 1rem 0; }
    form.panel label { display: block; margin: .5rem 0 .2rem; }
    input[type=text], input[type=password], input[type=date], select, textarea { font: inherit; width: 100%; max-width: 32rem; padding: .3rem; }
    textarea { min-height: 4rem; }
    button { font: inherit; padding: .35rem 1rem; margin-top: .5rem; cursor: pointer; }
    .message { padding: .5rem .75rem; border-left: 4px solid var(--accent); background: #fff4f4; }
    .note { padding: .5rem .75rem; border-left: 4px solid #c08a00; background: #fffaf0; }
    .good { color: var(--ok); font-weight: 700; }
    .bad { color: #b00020; font-weight: 700; }
    .finding { border: 1px solid var(--line); padding: .4rem .6rem; margin: .4rem 0; }
    .finding .id { font-family: monospace; }
    .finding .hint { color: var(--muted); }
    .numbers { font-size: 1.15rem; }
    .numbers strong { font-family: monospace; letter-spacing: .03em; }
    .empty { color: var(--muted); }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
    @media (max-width: 40rem) {
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dd { margin-bottom: .4rem; }
      table, thead, tbody, tr, th, td { display: block; }
      thead { display: none; }
      tr { border: 1px solid var(--line); margin: 0 0 .6rem; }
      td { border: none; border-bottom: 1px dotted var(--line); }
      td::before { content: attr(data-label) "："; color: var(--muted); }
    }
    @page { size: A4; margin: 15mm; }
    @media print {
      header.site, form.panel, form.logout, .actions { display: none; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
