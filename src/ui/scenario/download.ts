/** Offers a file to the user: a click on a temporary link to a blob: (or data:) URL. */
export function download(filename: string, content: string | Blob, type = 'application/octet-stream'): void {
  const isDataUrl = typeof content === 'string' && content.startsWith('data:');
  const url = isDataUrl ? (content as string) : URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (!isDataUrl) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
