// Demo only: clears what the memory backend and the element stored in this browser.
document.getElementById('forget')?.addEventListener('click', () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('comment-thread:')) localStorage.removeItem(key);
  sessionStorage.clear();
  location.reload();
});
