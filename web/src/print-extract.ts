/**
 * Opens the printable extract (HTML from the registry) in a window of its own and asks the
 * browser to print it: to paper, or to PDF with the browser's "Save as PDF". A blob URL
 * keeps the page's own lang/dir attributes. The window inherits this app's
 * Content-Security-Policy (style-src 'self'), which blocks the page's inline <style>: the
 * app's own script adopts that stylesheet through the CSSOM instead, as it may style any
 * page of its origin; without it the page still reads right (dir, <bdi>, sized QR code).
 */
export function openPrintable(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    return false;
  }
  win.addEventListener('load', () => {
    const css = win.document.querySelector('style')?.textContent;
    if (css) {
      try {
        // Constructed in the new window: a document adopts only sheets of its own realm.
        const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
        sheet.replaceSync(css);
        win.document.adoptedStyleSheets = [sheet];
      } catch {
        // An older browser: the page prints unstyled, still in the right directions.
      }
    }
    win.focus();
    win.print();
    URL.revokeObjectURL(url);
  });
  return true;
}
