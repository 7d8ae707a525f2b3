/**
 * Opens the printable extract (HTML from the registry) in a window of its own and asks the
 * browser to print it: to paper, or to PDF with the browser's "Save as PDF". A blob URL
 * keeps the page off our origin's history and lets its own lang/dir attributes apply.
 */
export function openPrintable(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    return false;
  }
  win.addEventListener('load', () => {
    win.focus();
    win.print();
    URL.revokeObjectURL(url);
  });
  return true;
}
