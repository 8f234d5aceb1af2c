/**
 * Heuristics as data (STYLE.md §4): every rule the detector applies is a table here, so it can be read,
 * tested and tuned without reading the algorithm. All rules are general; none names a site.
 */

/** Subtrees never read: not text a reader translates, or not text at all. */
export const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'PICTURE', 'IMG', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'OPTION',
  'LABEL', 'DIALOG', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/**
 * Page chrome by element: skipped in both modes. (A <form> is chrome too unless it wraps the article:
 * ASP.NET pages put the whole page in one form; collect-blocks.ts decides.)
 */
export const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'MENU']);
/** ARIA landmarks and widgets that are page chrome. */
export const CHROME_ROLES = new Set([
  'navigation', 'contentinfo', 'complementary', 'banner', 'search', 'menu', 'menubar', 'toolbar', 'dialog',
  'alertdialog', 'tablist', 'form',
]);

/**
 * class/id words of containers that are never the article: comment threads, sidebars, cookie banners,
 * share bars, related-story lists. Matched by whole class tokens (skip.ts chromeToken), never as substrings:
 * a token is chrome when its head word is one of these ("sidebar", "post-comments", "l-sidebar-right",
 * "related-stories", "commentList") — not when the word only qualifies another head, as in
 * "content-with-sidebar-wrp" (a body laid out beside a sidebar, on a large US news site's article pages).
 * Never applied to a container holding the page's h1, <article> or <main>, or most of the page's text.
 */
export const CHROME_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'commentsection', 'disqus', 'replies', 'sidebar', 'sidebars', 'related',
  'recommend', 'recommended', 'recommendations', 'morestories', 'mostread', 'mostpopular', 'trending', 'newsletter',
  'cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'share', 'sharing', 'social', 'breadcrumb', 'breadcrumbs',
  'pagination', 'pager', 'menu', 'navbar', 'nav', 'masthead', 'siteheader', 'sitefooter', 'footer', 'outbrain',
  'taboola', 'skiplink', 'skiplinks',
]);
/** Two-word heads written with a separator ("more-stories", "most_read", "site-footer"). */
export const CHROME_PAIRS = new Set(['more stories', 'most read', 'most popular', 'site header', 'site footer', 'skip link', 'comment section', 'side bar', 'comment list']);
/**
 * Words before the head that name where the box sits or whose it is ("post-comments", "main-sidebar",
 * "article-related"); short namespace prefixes ("l-", "c-", "td-", "js-") are skipped too.
 */
export const CHROME_QUALIFIERS = new Set([
  'post', 'article', 'entry', 'page', 'site', 'main', 'global', 'story', 'blog', 'left', 'right', 'top', 'bottom',
  'primary', 'secondary', 'mobile', 'desktop', 'sticky', 'fixed', 'inline', 'widget', 'block', 'section', 'module',
]);
/** A chrome-named container holding this share of the page's text or more is the page's content, whatever its name. */
export const CHROME_NAME_MAX_SHARE = 0.5;
/**
 * Weaker words: boxes inside the chosen article that are not its text (ads, promos, bylines, author bios at
 * the foot of a post, tag lists, screen-reader labels, print tools). Only checked between a block and the
 * article root, never above the root, because such words also appear on wrappers of the whole page
 * ("field-label-hidden", "widget-container"). "print" counts only as a token's first word ("print",
 * "print-tools"): "mh0-print" or "d-print-none" are style utilities for printed pages, not boxes.
 */
export const BOX_CLASS =
  /(^|[\s_-])(ad|ads|advert|advertisement|adslot|ad-?slot|adunit|dfp|promo|promotion|sponsor(ed)?|subscribe|subscription|signup|paywall|popular|read-?more|readmore|also-?read|related|byline|author-?(bio|box|info|card|profile)|post-?author|about-?(the-?)?author|bio|tags?|tag-?list|topics|sr-only|visually-?hidden|screen-?reader|noscript|modal|popup|(?<=^|\s)print(-?(only|header|logo|tools?))?|banner|toolbar|widget(?![-_]container)|caption-?credit|credit|meta|timestamp|dateline)($|[\s_-])/i;
/**
 * Class tokens a CMS derives from the content (taxonomy, post state), ignored when reading names.
 * "author-jane-doe" is such a token, but "author-bio", "author-box" (the writer's profile at the foot of a
 * blog post or column) name a box and are read.
 */
export const CONTENT_TOKEN =
  /^(tag|tags|category|categories|topic|section|format|status|type|post-?id|postid|author(?![-_](bio|box|info|card|profile|details|excerpt|about)([-_]|$))|has|is|no|with|single|page-?id|term)[-_]/i;
/** A box holding this share of the article root's text or more is the article itself, whatever its name. */
export const BOX_MAX_SHARE = 0.5;
/**
 * Names of article bodies: never chrome or a box, whatever other words they carry. Page builders set a post's
 * text in "widgets" ("elementor-widget elementor-widget-text-editor", "…-theme-post-content"): those widgets
 * are the body, and the "widget-container" wrapper every widget has is no box by itself (BOX_CLASS).
 */
export const KEEP_CLASS =
  /(^|[\s_-])(article-?body|story-?body|post-?body|entry-?content|post-?content|article-?content|story-?content|body-?text|main-?content|articletext|article-?text|text-?editor|theme-post-content)($|[\s_-])/i;

/** The kind of unit a leaf block becomes, by its tag (any other block is a paragraph). */
export const UNIT_TAG_KIND: Readonly<Record<string, 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption'>> = {
  P: 'paragraph', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', DT: 'list-item', DD: 'list-item', BLOCKQUOTE: 'quote', FIGCAPTION: 'caption', CAPTION: 'caption',
  TD: 'paragraph', TH: 'paragraph', DIV: 'paragraph', SECTION: 'paragraph', ARTICLE: 'paragraph', MAIN: 'paragraph',
  HEADER: 'paragraph', ADDRESS: 'paragraph', SUMMARY: 'paragraph', DETAILS: 'paragraph', FIGURE: 'paragraph',
  CENTER: 'paragraph',
};
/** Tags that break text into blocks: a unit's element never has one of these holding text below it. */
export const BLOCK_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DT', 'DD', 'DL', 'UL', 'OL', 'BLOCKQUOTE', 'FIGCAPTION', 'FIGURE',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER',
  'ADDRESS', 'DETAILS', 'SUMMARY', 'CENTER', 'HR', 'NAV', 'ASIDE', 'FOOTER', 'MENU', 'FORM', 'FIELDSET', 'HGROUP',
]);

/** Blocks whose text scores its ancestors as article text (Readability's idea of "paragraphs"). */
export const SCORING_KINDS = new Set(['paragraph', 'quote', 'list-item']);
/** A block shorter than this adds nothing to its ancestors' score. */
export const MIN_SCORING_CHARS = 25;
/** Ancestor levels a paragraph's score reaches, and the share each level gets. */
export const ANCESTOR_SHARES = [1, 1 / 2, 1 / 6, 1 / 9, 1 / 12];

/** Container names that make a candidate root more or less likely. */
export const POSITIVE_CLASS = /article|body|content|entry|main|page|post|text|blog|story|hentry/i;
export const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|card/i;
export const CLASS_WEIGHT = 25;

/** A sibling of the chosen root joins the article when its score is at least this share of the root's. */
export const SIBLING_SCORE_SHARE = 0.2;
/** A sibling joins too when it holds this many characters of prose and prose is this share of its text. */
export const SIBLING_MIN_PROSE = 80;
export const SIBLING_PROSE_SHARE = 0.6;
/** Such prose siblings must be reachable from the winner without crossing non-prose of this many characters. */
export const SIBLING_GAP_CHARS = 300;

/**
 * Short lines that are page furniture inside article bodies, in any case. Whole text must match, a trailing
 * colon or dots allowed ("More:", "You may also like..." over a related list; "1 - 5 of 36", a gallery counter).
 */
export const FURNITURE_TEXT =
  /^(advertisement|advert|anzeige|werbung|publicidade|publicité|sponsored|ad|read more|more|share|share this( article| story)?|tweet|email|print|comments?|subscribe|sign up|image|photo|video|captions?|image caption|media caption|getty images|reuters|ap|afp|loading( content)?\.*|related( articles| stories| content)?|recommended|see also|you (may|might) also like|don[’']t miss|read next|more on this( story)?|most read|trending|continue reading|skip (to )?(main )?content|close|menu|search|top|back to top|\d+|\d+%|\d+\s*[-–]\s*\d+ of \d+|\d+ (of|\/) \d+|…|\.\.\.)\s*[:.…]*$/i;

/**
 * A block that is only an address: an e-mail, a web address or a social handle (a reporter's contact line
 * under a local news story, "paul.doe@paper.com", "twitter.com/pauldoe"). Nothing in it is translated. A bare
 * name with a dot ("Booking.com", "Node.js") is a name, not an address, and stays.
 */
export const ADDRESS_ONLY =
  /^(mailto:)?[\w.+-]+@[\w-]+(\.[\w-]+)+$|^(https?:\/\/|www\.)\S+$|^[\w-]+(\.[\w-]+)+\/\S*$|^@\w{2,}$/iu;

/** Lines that are bylines, datelines or prompts rather than article text. Matched on short blocks only. */
export const META_LINE = [
  /^(by|von|par|por|di|door|av)\s+\S+(\s+\S+){0,5}$/i, // "By Jane Doe"
  /^(updated|published|posted|last updated|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b/i,
  /^(read|see|watch|listen|click)( more| also| here|:)/i,
  /^(follow|like) (us|me|@)/i,
  /^this (slideshow|video|content|feature) requires javascript/i,
  // A media player's fallback line, shown where the player did not load.
  /^((media|video|audio) playback is (unsupported|not supported)|your browser does not support (the )?(video|audio|media))\b/i,
  /^(photo|image|picture|foto|bild|credit)s?\s*(:|by\b)/i,
  /^(©|copyright\b|\(c\)\s*\d{4})/i, // the publisher's legal line under a story
  /^(filed|posted) (under|in)\s*:/i, // a blog post's category line
  /^(reading time|read time|lesezeit|tempo de leitura|tiempo de lectura|temps de lecture|tempo di lettura)\b|^\d+\s*min(ute)?s?\.? read$/i,
  // A date alone, the dateline under a blog post's title: "November 15, 2019", "15 November 2019".
  /^((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})$/i,
];
/**
 * The staff credit closing a wire or newspaper story: "(Reporting by Jane Doe; Editing by John Roe)",
 * "Fox News' Jane Doe contributed to this report." A byline in other words (META_LINE drops "By Jane Doe").
 */
export const STAFF_CREDIT = [
  /^\(((additional|with) )?(reporting|writing|editing|compiled|research) by\b[^()]*\)\.?$/i, // in parentheses
  /^((additional|with) )?(reporting|writing) by\b[^.!?]*;\s*(additional reporting|editing|writing) by\b[^.!?]*\.?$/i, // two roles
  /^((additional|with) )?(reporting|writing|editing) by\s+\S+(\s+\S+){0,4}\.?$/i, // a name or two
  /^[^.!?]{0,80}\bcontributed (reporting|to this (report|story|article))\.?$/i,
];
export const STAFF_CREDIT_MAX_CHARS = 300;
/** A short line that is a time stamp ("Nov. 20, 2019, 9:28 AM UTC", "22.11.2024 14:12"). */
export const DATE_LINE = /\b\d{1,2}[:h]\d{2}\b|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
export const DATE_LINE_MAX_CHARS = 60;
/** A call to subscribe or sign up inside an article body (the article's text never needs it translated). */
export const PROMO_TEXT = /\b(subscribe|newsletter|abonnieren|abonnez|abonnement|suscr[ií]be(te)?|iscriviti|assine)\b/i;
export const PROMO_MAX_CHARS = 250;

/** Photo credits: a caption this short naming an agency or a copyright is a credit, not a caption. */
export const CREDIT_LINE =
  /(©|\bcredit\b|\bcopyright\b|getty ?images|shutterstock|istock|\breuters\b|associated press|\bafp\b|\bap photo\b|\bdpa\b|\bepa\b|^(photo|foto|bild|image|picture|photograph)s?\s*:)/i;
export const CREDIT_MAX_CHARS = 80;
/**
 * A photo credit closing a caption or an image's text, left out of the text sent for translation (the original
 * stays on the page): "… in size (Image: GETTY)", "… (Photo by Kevin Mazur/Getty Images)" anywhere, and
 * "…. Credit: ESA", "…. Photograph by Robyn Beck/AFP" after a caption's last sentence. Names and agencies
 * are not translated, as credit-only captions are not (CREDIT_LINE).
 */
export const TRAILING_CREDIT =
  /(?<=\S)\s*[(\[]\s*(\p{Lu}+\s+)?(image|photo|photograph|picture|pic|foto|bild|imagem|crédito|credit)s?\s*(:|by\b|\/)[^()[\]]{1,80}[)\]]$/iu;
/** A caption's collapse link at its end ("… 2019. (AP Photo) less"). */
export const CAPTION_COLLAPSE = /(?<=[.!?)”"])\s*(less|show less)$/iu;
/** The end of a shortened copy of a caption ("… The Islanders ... more"): the full caption is elsewhere. */
export const CAPTION_SHORTENED = /\s*(\.\.\.|…)\s*(more|read more|show more)?$/iu;
export const CAPTION_TRAILING_CREDIT =
  /(?<=[.!?。])\s*(image|photo|photograph|picture|pic|foto|bild|imagem|crédito|credit)s?\s*(:|by\b)\s*[^.:()]{1,60}$/iu;
/** Only blocks with at most this many characters are tested against META_LINE. */
export const META_LINE_MAX_CHARS = 90;

/**
 * Data tables in an article (results, standings, prices, election counts): a cell holding only a number
 * ("5040", "85%", "1:42.3") is kept when a cell of its own row is kept, so the table is translated as a whole
 * and each row still reads "Kyle Busch 5040 5 1" rather than losing its figures. A layout table's stray
 * number (a page counter, a year beside no text) has no kept cell in its row and stays out.
 */
export const TABLE_CELL_TAGS = new Set(['TD', 'TH']);
export const NUMBER_CELL = /^[^\p{L}]*\p{N}[^\p{L}]*$/u;
export const NUMBER_CELL_MAX_CHARS = 40;

/** A block whose text is mostly link text is a link list or teaser, not prose. */
export const MAX_LINK_DENSITY = 0.5;
/** Headings and short blocks tolerate no more link text than this. */
export const MAX_SHORT_LINK_DENSITY = 0.34;
