-- Neovim 0.7 with its built-in LSP client and wdfcheck-clangd as the
-- server, headless: open the driver, wait for wdfcheck's WM001, apply its
-- quick fix, wait for the finding to go, and write what was seen.
--
--   WDFCHECK_CLANGD=<bridge> WDFCHECK_NVIM_FILE=<file.c> \
--   WDFCHECK_NVIM_OUT=<transcript> nvim --headless -u NONE -c 'luafile nvim.lua'
local file = os.getenv('WDFCHECK_NVIM_FILE')
local out = os.getenv('WDFCHECK_NVIM_OUT')
local timeout = tonumber(os.getenv('WDFCHECK_IDE_TIMEOUT') or '240') * 1000
local seen = {}

local function say(line)
  table.insert(seen, line)
  vim.fn.writefile(seen, out)
end

local function finish(ok)
  vim.fn.writefile(seen, out)
  vim.cmd(ok and 'qall!' or 'cquit!')
end

-- The setup docs/ide.md gives for Neovim, as it is there.
local client_id = vim.lsp.start_client({
  name = 'wdfcheck-clangd',
  cmd = { os.getenv('WDFCHECK_CLANGD'), '--wdfcheck-debounce=200' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'c' -- -u NONE: no filetype detection
vim.lsp.buf_attach_client(buf, client_id)

local function finding(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'wdfcheck' and d.code == code then
      return d
    end
  end
end

local function wait(what, condition)
  if not vim.wait(timeout, condition, 50) then
    say('TIMEOUT ' .. what)
    finish(false)
  end
end

wait('WM001', function() return finding('WM001') ~= nil end)
local d = finding('WM001')
say(string.format('FOUND %s %s line %d: %s', d.source, d.code, d.lnum + 1,
                  d.message))
for _, other in ipairs(vim.diagnostic.get(buf)) do
  if other.source ~= 'wdfcheck' then
    say(string.format('ALSO %s line %d: %s', other.source, other.lnum + 1,
                      other.message))
  end
end

-- The code action, as vim.lsp.buf.code_action() asks for it, applied the
-- way it applies an action's edit.
local client = vim.lsp.get_client_by_id(client_id)
local params = vim.lsp.util.make_range_params()
params.range = {
  start = { line = d.lnum, character = d.col },
  ['end'] = { line = d.end_lnum, character = d.end_col },
}
params.context = {
  diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum),
}
local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction',
                                         params, timeout)
local applied = false
for _, reply in pairs(replies or {}) do
  for _, action in ipairs(reply.result or {}) do
    if action.kind == 'quickfix' and action.title:find('WM001') then
      say('ACTION ' .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      applied = true
    end
  end
end
if not applied then
  say('NO ACTION')
  finish(false)
end
say('LINE ' .. vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1])

wait('WM001 to go', function() return finding('WM001') == nil end)
say('GONE WM001')
for _, other in ipairs(vim.diagnostic.get(buf)) do
  say(string.format('LEFT %s %s line %d', other.source,
                    tostring(other.code), other.lnum + 1))
end
vim.lsp.stop_client(client_id)
finish(true)
