/**
 * <receipt-tools>: on the receipt after a submission, a button that copies the tracking number and
 * query code, and one that opens the print dialog (where a phone offers “save as PDF”). Both are drawn
 * only where scripts run (class script-only), from the first frame; without JavaScript the page says how
 * to keep the numbers instead.
 */
class ReceiptTools extends HTMLElement {
  connectedCallback(): void {
    const copyButton = this.querySelector<HTMLButtonElement>('[data-copy-button]');
    const printButton = this.querySelector<HTMLButtonElement>('[data-print-button]');
    const status = this.querySelector<HTMLElement>('[data-copy-status]');
    copyButton?.addEventListener('click', () => {
      void this.copy(this.dataset.copy ?? '').then((copied) => {
        if (status) status.textContent = copied ? '已复制。可以粘贴到备忘录，或发给自己保存。' : '没能自动复制，已选中编号和查询码：请用浏览器的“复制”。';
      });
    });
    printButton?.addEventListener('click', () => window.print());
  }

  /**
   * Copy through the Clipboard API. Where the page may not use it (plain http, an old browser), select the
   * numbers instead, so the phone's own “copy” is one tap away, and say so.
   */
  private async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const box = document.querySelector('.confirmation');
      const selection = window.getSelection();
      if (box && selection) {
        const range = document.createRange();
        range.selectNodeContents(box);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      return false;
    }
  }
}
customElements.define('receipt-tools', ReceiptTools);
