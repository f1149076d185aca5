// extension.js - the VS Code client of Ruta: starts `ruta lsp` over stdio for
// .ruta files. Everything else (diagnostics, hover, definition, references,
// completion, outline, formatting) comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('ruta');
  // No `transport` option: the client would then append `--stdio`, which
  // `ruta lsp` does not take; stdio is its only transport.
  const serverOptions = {
    command: config.get('path') || 'ruta',
    args: ['lsp', ...config.get('args', [])],
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'ruta' },
      { scheme: 'untitled', language: 'ruta' },
    ],
  };
  client = new LanguageClient('ruta', 'Ruta', serverOptions, clientOptions);
  client.start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ruta')) {
        vscode.window.showInformationMessage('Ruta: recargue la ventana para usar la nueva configuración.');
      }
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
