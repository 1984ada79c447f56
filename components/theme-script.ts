// The theme's storage key and the inline script that applies it before first paint. Kept out of the
// client component so the root layout (a Server Component) can inline the script as a plain string.
export const THEME_STORAGE_KEY = "verdict-theme";

export const themeScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});var d=t?t==="dark":window.matchMedia("(prefers-color-scheme: dark)").matches;var r=document.documentElement;if(d)r.classList.add("dark");else r.classList.remove("dark");r.style.colorScheme=d?"dark":"light";}catch(e){}})();`;
