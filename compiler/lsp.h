/* lsp.h - `ruta lsp`: a Language Server Protocol 3.17 server over stdio.
 *
 * Contract: lsp_run() reads JSON-RPC messages with Content-Length framing
 * from stdin and answers on stdout until `exit`; it never dies on bad
 * input. Returns the process exit status (0 after shutdown + exit).
 */
#ifndef RUTA_LSP_H
#define RUTA_LSP_H

#include "driver.h"

int lsp_run(DriverEnv *env);

#endif
