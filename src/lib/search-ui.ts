/**
 * Starts Pagefind's default UI on the search page. Pagefind indexes each language separately
 * (by <html lang>), so a Vietnamese page searches Vietnamese pages only. Each page also indexes its
 * names without diacritics (đ → d), so "dak lak" finds Đắk Lắk. ?q= pre-fills the query.
 */
interface PagefindUIOptions {
  element: string;
  showSubResults: boolean;
  showImages: boolean;
  ranking?: { pageLength?: number; termFrequency?: number; termSaturation?: number; termSimilarity?: number };
  translations?: Record<string, string>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => { triggerSearch: (q: string) => void };
  }
}

export function startSearch(): void {
  const el = document.getElementById('search');
  if (!el || !window.PagefindUI) return;
  const vi = el.dataset.lang === 'vi';
  const ui = new window.PagefindUI({
    element: '#search',
    showSubResults: false,
    showImages: false,
    // Place names are short and pages about them long: weigh page length and repeated terms less,
    // so the page of the province itself comes before the many pages that mention it.
    ranking: { pageLength: 0.1, termFrequency: 0.3 },
    translations: {
      placeholder: el.dataset.placeholder ?? '',
      ...(vi
        ? {
            clear_search: 'Xóa',
            load_more: 'Xem thêm',
            search_label: 'Tìm trong trang',
            filters_label: 'Bộ lọc',
            zero_results: 'Không có kết quả cho [SEARCH_TERM]',
            many_results: '[COUNT] kết quả cho [SEARCH_TERM]',
            one_result: '1 kết quả cho [SEARCH_TERM]',
            searching: 'Đang tìm [SEARCH_TERM]…',
          }
        : {}),
    },
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
}
