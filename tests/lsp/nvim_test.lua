-- nvim_test.lua - a real client: headless Neovim 0.7 talking to `ruta lsp`.
--
-- Run by tests/cases/lsp_neovim.sh as
--   RUTA=... PLAN=plan.ruta OUT=result.json nvim --headless --clean -n -c "luafile nvim_test.lua"
-- Opens PLAN, starts the server with vim.lsp.start_client, attaches it to
-- the buffer, waits for the diagnostics, asks for a hover, a definition and
-- a completion, then edits the buffer (Neovim sends didChange) and waits for
-- the new diagnostics. Everything it received is written to OUT as JSON for
-- the shell test to check; Neovim's own conversion of LSP positions
-- (UTF-16) to byte columns is part of what is checked.

local result = { steps = {} }

local function note(step)
  table.insert(result.steps, step)
end

local function finish()
  local f = io.open(os.getenv("OUT"), "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, message = d.message, source = d.source,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("PLAN")))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "ruta",
    cmd = { os.getenv("RUTA"), "lsp", "--as-of", "2026-06-01" },
    root_dir = vim.fn.getcwd(),
  })
  result.client_started = client_id ~= nil
  result.attached = vim.lsp.buf_attach_client(buf, client_id)

  -- 1. The diagnostics of the file as opened.
  result.got_diagnostics = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = diagnostics(buf)

  -- 2. Requests through Neovim's client (positions are made by Neovim).
  local line = vim.fn.search("responsable: ñandú", "n")
  vim.api.nvim_win_set_cursor(0, { line, vim.fn.stridx(vim.fn.getline(line), "ñandú") })
  local params = vim.lsp.util.make_position_params()
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
  result.hover = hover and hover[client_id] and hover[client_id].result
  local def = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 10000)
  result.definition = def and def[client_id] and def[client_id].result
  local apoyo = vim.fn.search("apoyo: ", "n")
  vim.api.nvim_win_set_cursor(0, { apoyo, #"    apoyo: " })
  local comp = vim.lsp.buf_request_sync(buf, "textDocument/completion", vim.lsp.util.make_position_params(), 10000)
  local items = comp and comp[client_id] and comp[client_id].result
  result.completion = {}
  for _, item in ipairs(items and (items.items or items) or {}) do
    table.insert(result.completion, item.label)
  end
  table.sort(result.completion)

  -- 3. Fix the error in the buffer (not saved): Neovim sends didChange.
  local bad = vim.fn.search("directora", "n")
  local text = vim.fn.getline(bad):gsub("directora", "director")
  vim.api.nvim_buf_set_lines(buf, bad - 1, bad, false, { text })
  result.fixed = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == "E102" then return false end
    end
    return true
  end, 20)
  result.after_fix = diagnostics(buf)

  -- 4. Stop the server (shutdown + exit) and wait for it.
  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
result.ok = ok
result.error = ok and vim.NIL or tostring(err)
finish()
