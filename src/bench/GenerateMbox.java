import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic but realistic mbox of a requested size, for benchmarking {@code mailleaks scan}.
 *
 * <pre>
 *   java src/bench/GenerateMbox.java --size 1g --seed 42 OUT.mbox
 *   options: --size N[k|m|g]   target size (binary units: 1g = 1024^3 bytes); the file ends after the
 *                              message that crosses it, so it is at most one message larger
 *            --seed N          random seed (default 42); same seed and size give the same bytes, and a smaller
 *                              size gives a prefix of a larger one
 *            --secret-every N  about 1 message in N gets a planted secret (default 500)
 *            --attach-every N  about 1 message in N gets a base64 attachment (default 10)
 * </pre>
 *
 * <p>Streams one message at a time (constant memory). Mostly text: plain and multipart/alternative
 * (plain + HTML) bodies written from a word list, quoted replies ({@code > }), signatures and disclaimers,
 * realistic trace headers (Received, DKIM-Signature with long base64, ARC, Authentication-Results), some
 * quoted-printable and base64 transfer encodings, and 20-500 KB attachments (log-uniform): mostly text
 * (70%: .csv/.txt/.log), some random binary (15%: .bin/.dat) and JPEG-like images (15%). Body lines starting with
 * {@code From } are escaped mboxrd-style ({@code >From }).
 *
 * <p>Planted secrets (about 1 in {@code --secret-every} messages, one per message, written in the plain body
 * and, for multipart/alternative, also in its HTML version): AWS access key id, postgres:// URI with a
 * password, a {@code password: ...} line, GitHub classic token. Counts per kind are printed at the end.
 *
 * <p>No dependencies: single-file Java 17 program.
 */
public final class GenerateMbox {

  // ---------------------------------------------------------------------------------------------------------
  // Vocabulary
  // ---------------------------------------------------------------------------------------------------------

  private static final String[] WORDS = (
      "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an "
      + "they which one you were her all she there would their we him been has when who will more no if out so "
      + "said what up its about into than them can only other new some could time these two may then do first "
      + "any my now such like our over man me even most made after also did many before must through back years "
      + "where much your way well down should because each just those people how too little state good very make "
      + "world still own see men work long get here between both life being under never day same another know "
      + "while last might us great old year off come since against go came right used take three "
      + "meeting project budget deadline release customer team review report update schedule deploy server "
      + "database migration invoice contract proposal quarter revenue forecast estimate design feedback draft "
      + "approval request ticket issue incident outage monitoring alert dashboard metrics latency capacity "
      + "storage backup restore account access permission policy compliance audit security vendor supplier "
      + "shipment order delivery warehouse inventory pricing discount renewal subscription license support "
      + "training onboarding hiring interview candidate offer payroll expense travel booking conference agenda "
      + "minutes action items follow-up summary presentation slides spreadsheet document attachment version "
      + "branch merge build pipeline test staging production rollback hotfix patch upgrade cluster network "
      + "firewall certificate domain endpoint integration API client service region office facilities lunch "
      + "quarterly weekly monthly tomorrow yesterday today morning afternoon evening Monday Tuesday Wednesday "
      + "Thursday Friday next previous current final initial pending urgent important quick short brief "
      + "detailed clear possible available necessary additional specific general internal external "
      + "please thanks thank appreciate confirm check send share forward reply discuss agree suggest propose "
      + "consider prepare finish start continue schedule cancel postpone move attach include review approve "
      + "sign update fix test deploy monitor investigate escalate resolve close open assign track plan "
      + "already probably actually basically currently hopefully unfortunately definitely likely maybe "
      + "however therefore meanwhile otherwise although unless whether regarding according instead "
      + "Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert Sybil Trent "
      + "Victor Walter finance legal marketing sales engineering operations product research HR IT "
      + "Berlin London Paris Tokyo Madrid Toronto Sydney Chicago Boston Dublin Singapore Amsterdam Asia Europe "
      + "café résumé naïve Zürich São Grüße façade déjà coöperation").split(" ");

  /** Words that rules use as keywords, rarer than the rest (1 word in about 400 is one of these). */
  private static final String[] RARE_WORDS = {
      "password", "passwords", "login", "credentials", "token", "VPN", "reset", "MFA", "pass", "SSO"};

  private static final String[] OPENERS = {
      "From what I can see,", "From our side,", "From the logs,", "From my point of view,", "From next week on,",
      "As discussed,", "Just a quick note:", "To be honest,", "In any case,", "For the record,", "By the way,",
      "Following up on this,", "Good news:", "Quick question:", "As far as I know,", "Unfortunately,"};

  private static final String[] FIRST = {
      "Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Karl", "Laura",
      "Mallory", "Niels", "Olivia", "Peggy", "Quentin", "Rupert", "Sybil", "Trent", "Ursula", "Victor",
      "Walter", "Xavier", "Yvonne", "Zoe", "Ahmed", "Beatriz", "Chen", "Dmitri", "Elif", "Fatima", "Giulia",
      "Hiroshi", "Ingrid", "José", "Kwame", "Léa", "Mateo", "Nadia", "Oskar", "Priya", "Raúl", "Søren"};
  private static final String[] LAST = {
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez", "Lopez",
      "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
      "Harris", "Clark", "Lewis", "Walker", "Young", "King", "Wright", "Scott", "Green", "Baker", "Müller",
      "Schmidt", "Dubois", "Rossi", "Novak", "Kowalski", "Nakamura", "Okafor", "Silva", "Öztürk", "Nielsen"};
  private static final String[] DOMAINS = {
      "example.com", "example.org", "example.net", "corp.example.com", "mail.example.org", "example.co.uk",
      "partner.example.net", "subsidiary.example.com", "example.de", "example.fr"};
  private static final String[] MAILERS = {
      "Microsoft Outlook 16.0", "Apple Mail (2.3774.300.61.1.2)", "Mozilla Thunderbird 115.6.0",
      "Roundcube Webmail/1.6.5", "Evolution 3.50.2", "Mutt/2.2.12 (2023-09-09)"};
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  private static final String[] ZONES = {"+0000", "-0500", "-0800", "+0100", "+0200", "+0530", "+0900", "-0300"};
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String HEX = "0123456789abcdef";

  private static final String DISCLAIMER =
      "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the "
      + "intended recipient(s) and may contain confidential and privileged information. Any unauthorized "
      + "review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please "
      + "contact the sender by reply e-mail and destroy all copies of the original message. Example Corp "
      + "accepts no liability for any damage caused by any virus transmitted by this email.";

  private static final String HTML_HEAD =
      "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n"
      + "<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
      + "<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">\n<style><!--\n"
      + "/* Font Definitions */\n@font-face\n\t{font-family:\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n"
      + "@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n"
      + "/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n"
      + "\tfont-family:\"Calibri\",sans-serif;}\na:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n"
      + "\tcolor:#0563C1;\n\ttext-decoration:underline;}\nspan.EmailStyle17\n\t{mso-style-type:personal-compose;\n"
      + "\tfont-family:\"Calibri\",sans-serif;\n\tcolor:windowtext;}\n.MsoChpDefault\n\t{mso-style-type:export-only;\n"
      + "\tfont-family:\"Calibri\",sans-serif;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n"
      + "\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style>\n"
      + "</head>\n<body lang=\"EN-US\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\n"
      + "<div class=\"WordSection1\">\n";

  // ---------------------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------------------

  private final SplittableRandom rnd;
  private final int secretEvery;
  private final int attachEvery;
  private final String[][] people; // {display name, address}
  private final String[] recentBodies = new String[32]; // plain text of earlier messages, for quoting
  private final String[] recentSubjects = new String[32];
  private final String[] recentIds = new String[32];
  private final String[] recentFrom = new String[32];
  private final String[] recentDates = new String[32];
  private int recentCount;
  private long clock = 1704096000L; // 2024-01-01T08:00:00Z
  private long sequence;

  long bytes;
  long messages;
  final Map<String, Long> planted = new LinkedHashMap<>();
  final Map<String, Long> composition = new LinkedHashMap<>();
  final Map<String, Long> structure = new LinkedHashMap<>();

  GenerateMbox(long seed, int secretEvery, int attachEvery) {
    this.rnd = new SplittableRandom(seed);
    this.secretEvery = secretEvery;
    this.attachEvery = attachEvery;
    people = new String[400][];
    for (int i = 0; i < people.length; i++) {
      String first = pick(FIRST);
      String last = pick(LAST);
      String local = ascii(first).toLowerCase(Locale.ROOT) + (rnd.nextInt(3) == 0 ? "" : "." + ascii(last).toLowerCase(Locale.ROOT))
          + (rnd.nextInt(5) == 0 ? String.valueOf(rnd.nextInt(100)) : "");
      people[i] = new String[] {first + " " + last, local + "@" + pick(DOMAINS)};
    }
    for (String kind : new String[] {"aws-access-key-id", "postgres-uri", "password-line", "github-token"}) {
      planted.put(kind, 0L);
    }
    for (String kind : new String[] {"plain", "alternative(plain,html)", "mixed(plain,attachment)",
        "mixed(alternative(plain,html),attachment)"}) {
      structure.put(kind, 0L);
    }
    for (String kind : new String[] {"headers", "text/plain", "text/html", "attachment text (base64)",
        "attachment binary (base64)", "attachment image (base64)", "mime/mbox framing"}) {
      composition.put(kind, 0L);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // main
  // ---------------------------------------------------------------------------------------------------------

  public static void main(String[] args) throws IOException {
    long size = -1;
    long seed = 42;
    int secretEvery = 500;
    int attachEvery = 10;
    String out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> {
          try {
            size = parseSize(args[++i]);
          } catch (RuntimeException e) {
            System.err.println("bad --size: expected a number with an optional k, m or g suffix (100m, 1g, 2g)");
            System.exit(2);
          }
        }
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--secret-every" -> secretEvery = Integer.parseInt(args[++i]);
        case "--attach-every" -> attachEvery = Integer.parseInt(args[++i]);
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> {
          if (args[i].startsWith("-") || out != null) {
            usage();
            System.exit(2);
          }
          out = args[i];
        }
      }
    }
    if (size <= 0 || out == null || secretEvery < 1 || attachEvery < 1) {
      usage();
      System.exit(2);
    }
    long started = System.nanoTime();
    GenerateMbox generator = new GenerateMbox(seed, secretEvery, attachEvery);
    Path path = Path.of(out);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
      while (generator.bytes < size) {
        generator.writeMessage(os);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "wrote %s: %d bytes (%.1f MB), %d messages, seed %d, in %.1f s%n",
        out, generator.bytes, generator.bytes / 1e6, generator.messages, seed, seconds);
    System.out.println("message structure:");
    generator.structure.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-42s %9d%n", k, v));
    System.out.println("byte composition (as written, encoded):");
    generator.composition.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-34s %12d  %5.1f%%%n", k, v,
        100.0 * v / generator.bytes));
    long binary = generator.composition.get("attachment binary (base64)") + generator.composition.get("attachment image (base64)");
    System.out.printf(Locale.ROOT, "  %-34s %12d  %5.1f%%%n", "= text (all but binary/image)", generator.bytes - binary,
        100.0 * (generator.bytes - binary) / generator.bytes);
    long total = generator.planted.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("planted secrets (messages; each in the plain body, and again in the HTML part of "
        + "multipart/alternative messages):");
    generator.planted.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-34s %9d%n", k, v));
    System.out.printf(Locale.ROOT, "  %-34s %9d%n", "total", total);
    System.out.printf(Locale.ROOT, "  %-34s %9d%n", "occurrences (plain + html copies)", generator.occurrences);
    System.out.println("  (replies quote earlier bodies, so a planted secret can occur again in later messages)");
  }

  private static void usage() {
    System.err.println("usage: java GenerateMbox.java --size N[k|m|g] [--seed N] [--secret-every N] "
        + "[--attach-every N] OUT.mbox");
  }

  static long parseSize(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (s.endsWith("b")) s = s.substring(0, s.length() - 1);
    char last = s.charAt(s.length() - 1);
    switch (last) {
      case 'k' -> unit = 1L << 10;
      case 'm' -> unit = 1L << 20;
      case 'g' -> unit = 1L << 30;
      case 't' -> unit = 1L << 40;
      default -> { }
    }
    if (unit != 1) s = s.substring(0, s.length() - 1);
    return (long) (Double.parseDouble(s) * unit);
  }

  // ---------------------------------------------------------------------------------------------------------
  // One message
  // ---------------------------------------------------------------------------------------------------------

  long occurrences;

  void writeMessage(OutputStream os) throws IOException {
    messages++;
    sequence++;
    clock += 5 + rnd.nextInt(900);
    String[] from = people[rnd.nextInt(people.length)];
    List<String[]> to = new ArrayList<>();
    int nTo = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0);
    for (int i = 0; i < nTo; i++) to.add(people[rnd.nextInt(people.length)]);
    List<String[]> cc = new ArrayList<>();
    if (rnd.nextInt(3) == 0) {
      int nCc = 1 + rnd.nextInt(4);
      for (int i = 0; i < nCc; i++) cc.add(people[rnd.nextInt(people.length)]);
    }
    String zone = pick(ZONES);
    String date = rfc2822(clock, zone);
    String fromDomain = from[1].substring(from[1].indexOf('@') + 1);
    String toDomain = to.get(0)[1].substring(to.get(0)[1].indexOf('@') + 1);
    String messageId = messageId(fromDomain);

    // Reply or new thread?
    boolean reply = recentCount > 0 && rnd.nextInt(100) < 45;
    int quoted = reply ? rnd.nextInt(Math.min(recentCount, recentBodies.length)) : -1;
    String subject;
    if (reply) {
      String prev = recentSubjects[quoted];
      subject = prev.startsWith("Re: ") ? prev : "Re: " + prev;
    } else if (recentCount > 0 && rnd.nextInt(100) < 8) {
      int q = rnd.nextInt(Math.min(recentCount, recentBodies.length));
      subject = "Fwd: " + recentSubjects[q];
      quoted = q;
    } else {
      subject = newSubject();
    }

    // ---- secret
    String secretKind = null;
    String secretLine = null;
    if (rnd.nextInt(secretEvery) == 0) {
      switch (rnd.nextInt(4)) {
        case 0 -> {
          secretKind = "aws-access-key-id";
          String key = withPossibleAccount("AKIA" + randomString(BASE32, 16));
          secretLine = pick(new String[] {
              "The deploy user is ready, access key id: " + key,
              "aws_access_key_id = " + key,
              "export AWS_ACCESS_KEY_ID=" + key,
              "Use the key " + key + " for the staging bucket (secret follows separately)."});
        }
        case 1 -> {
          secretKind = "postgres-uri";
          String uri = "postgres://" + pick(new String[] {"app_rw", "reporting", "admin", "billing", "etl"})
              + ":" + randomString(ALNUM, 12 + rnd.nextInt(12)) + "@db-" + pick(new String[] {"prod", "staging", "replica"})
              + "-" + (1 + rnd.nextInt(9)) + ".corp.internal:5432/" + pick(new String[] {"orders", "crm", "analytics", "billing"});
          secretLine = pick(new String[] {
              "DATABASE_URL=" + uri,
              "You can connect with " + uri,
              "Connection string for the migration: " + uri});
        }
        case 2 -> {
          secretKind = "password-line";
          secretLine = pick(new String[] {"password: ", "Password: ", "  password: "})
              + randomString(ALNUM + "!#$%&*+-?@^_", 10 + rnd.nextInt(10));
        }
        default -> {
          secretKind = "github-token";
          String token = withChecksum("ghp_" + randomString(ALNUM, 36));
          secretLine = pick(new String[] {
              "Here is the CI token: " + token,
              "GITHUB_TOKEN=" + token,
              "git clone https://" + token + "@github.com/example-org/infra.git"});
        }
      }
      planted.merge(secretKind, 1L, Long::sum);
    }

    // ---- body text (plain)
    StringBuilder plain = new StringBuilder(4096);
    List<String> paragraphs = new ArrayList<>();
    String greeting = pick(new String[] {"Hi ", "Hello ", "Dear ", "Hey ", "Morning "})
        + to.get(0)[0].substring(0, to.get(0)[0].indexOf(' ')) + ",";
    paragraphs.add(greeting);
    int nPar = 1 + rnd.nextInt(6);
    int secretAt = secretLine == null ? -1 : 1 + rnd.nextInt(nPar);
    for (int p = 0; p < nPar; p++) {
      paragraphs.add(paragraph());
      if (p + 1 == secretAt) paragraphs.add(secretLine);
    }
    paragraphs.add(pick(new String[] {"Thanks,", "Best regards,", "Cheers,", "Kind regards,", "Best,", "Thanks!", "Viele Grüße,"}));
    for (String par : paragraphs) {
      if (par == secretLine) plain.append(par).append('\n'); else wrap(plain, par, 72);
      plain.append('\n');
    }
    plain.setLength(plain.length() - 1);
    String signature = from[0] + "\n" + pick(new String[] {"Senior Engineer", "Project Manager", "Account Executive",
        "Head of Operations", "Financial Analyst", "Site Reliability Engineer", "Legal Counsel"})
        + " | Example Corp\n+1 555 01" + (10 + rnd.nextInt(90)) + " | https://www.example.com";
    plain.append("-- \n").append(signature).append('\n');
    boolean disclaimer = rnd.nextInt(4) == 0;
    if (disclaimer) {
      plain.append('\n');
      wrap(plain, DISCLAIMER, 76);
    }
    String ownText = plain.toString();
    String quoteHeader = null;
    String quotedText = null;
    if (quoted >= 0) {
      String prevBody = recentBodies[quoted];
      if (subject.startsWith("Fwd: ")) {
        quoteHeader = "---------- Forwarded message ---------\nFrom: " + recentFrom[quoted] + "\nDate: "
            + recentDates[quoted] + "\nSubject: " + recentSubjects[quoted] + "\nTo: " + to.get(0)[0] + " <" + to.get(0)[1] + ">\n";
        quotedText = prevBody;
        plain.append('\n').append(quoteHeader).append('\n').append(prevBody);
      } else {
        quoteHeader = rnd.nextInt(3) == 0
            ? "-----Original Message-----\nFrom: " + recentFrom[quoted] + "\nSent: " + recentDates[quoted] + "\nTo: "
                + from[0] + " <" + from[1] + ">\nSubject: " + recentSubjects[quoted] + "\n"
            : "On " + recentDates[quoted] + ", " + recentFrom[quoted] + " wrote:\n";
        StringBuilder q = new StringBuilder(prevBody.length() + prevBody.length() / 8);
        int start = 0;
        while (start < prevBody.length()) {
          int nl = prevBody.indexOf('\n', start);
          int end = nl < 0 ? prevBody.length() : nl;
          q.append(start < end && prevBody.charAt(start) == '>' ? ">" : "> ").append(prevBody, start, end).append('\n');
          start = end + 1;
        }
        quotedText = q.toString();
        plain.append('\n').append(quoteHeader).append(quotedText);
      }
    }
    String plainText = plain.toString();
    String senderName = from[0] + " <" + from[1] + ">";
    remember(plainText, subject, messageId, senderName, date);

    // ---- HTML alternative?
    boolean alternative = rnd.nextInt(100) < 55;
    String html = null;
    if (alternative) {
      html = html(paragraphs, secretLine, signature, disclaimer, quoteHeader, quotedText);
    }
    if (secretLine != null) occurrences += alternative ? 2 : 1;

    // ---- attachment?
    int attachKind = rnd.nextInt(attachEvery) == 0 ? rnd.nextInt(100) : -1;

    // ---- assemble
    StringBuilder m = new StringBuilder(plainText.length() * 3 + 4096);
    m.append("From ").append(from[1]).append(' ').append(asctime(clock)).append('\n');
    int headerStart = m.length();
    traceHeaders(m, from, to.get(0), fromDomain, toDomain, zone);
    m.append("MIME-Version: 1.0\n");
    m.append("From: ").append(displayAddress(from)).append('\n');
    m.append("To: ");
    for (int i = 0; i < to.size(); i++) m.append(i == 0 ? "" : ",\n\t").append(displayAddress(to.get(i)));
    m.append('\n');
    if (!cc.isEmpty()) {
      m.append("Cc: ");
      for (int i = 0; i < cc.size(); i++) m.append(i == 0 ? "" : ",\n\t").append(displayAddress(cc.get(i)));
      m.append('\n');
    }
    m.append("Date: ").append(date).append('\n');
    m.append("Subject: ").append(encodeHeaderIfNeeded(subject)).append('\n');
    m.append("Message-ID: ").append(messageId).append('\n');
    if (reply && quoted >= 0) {
      m.append("In-Reply-To: ").append(recentIds[quoted]).append('\n');
      m.append("References: ").append(recentIds[quoted]).append('\n');
    }
    if (rnd.nextInt(2) == 0) {
      m.append(rnd.nextBoolean() ? "X-Mailer: " : "User-Agent: ").append(pick(MAILERS)).append('\n');
    }
    if (rnd.nextInt(3) == 0) {
      m.append("Thread-Index: ").append(randomString(B64, 28)).append("==\n");
      m.append("Content-Language: en-US\n");
      m.append("X-MS-Has-Attach: ").append(attachKind >= 0 ? "yes" : "").append('\n');
    }
    if (rnd.nextInt(20) == 0) {
      m.append("X-Project-Code: PRJ-").append(1000 + rnd.nextInt(9000)).append('\n');
    }
    int headerEnd = m.length();
    composition.merge("headers", (long) (headerEnd - headerStart), Long::sum);

    String mixedBoundary = attachKind >= 0 ? boundary() : null;
    String altBoundary = alternative ? boundary() : null;
    if (mixedBoundary != null) {
      m.append("Content-Type: multipart/mixed; boundary=\"").append(mixedBoundary).append("\"\n\n");
      m.append("This is a multi-part message in MIME format.\n\n--").append(mixedBoundary).append('\n');
    }
    if (altBoundary != null) {
      m.append("Content-Type: multipart/alternative; boundary=\"").append(altBoundary).append("\"\n\n");
      if (mixedBoundary == null) m.append("This is a multi-part message in MIME format.\n\n");
      m.append("--").append(altBoundary).append('\n');
    }
    textPart(m, "text/plain", plainText, "text/plain");
    if (altBoundary != null) {
      m.append("\n--").append(altBoundary).append('\n');
      textPart(m, "text/html", html, "text/html");
      m.append("\n--").append(altBoundary).append("--\n");
    }
    if (mixedBoundary != null) {
      m.append("\n--").append(mixedBoundary).append('\n');
      attachment(m, attachKind);
      m.append("\n--").append(mixedBoundary).append("--\n");
    }
    structure.merge(attachKind >= 0 ? (alternative ? "mixed(alternative(plain,html),attachment)" : "mixed(plain,attachment)")
        : (alternative ? "alternative(plain,html)" : "plain"), 1L, Long::sum);
    m.append('\n'); // blank line before the next separator

    byte[] data = escapeFromLines(m).toString().getBytes(StandardCharsets.UTF_8);
    os.write(data);
    bytes += data.length;
    long counted = 0;
    for (long v : composition.values()) counted += v;
    composition.merge("mime/mbox framing", bytes - counted, Long::sum);
  }

  private void remember(String body, String subject, String id, String from, String date) {
    // Bound the quoted history so long threads do not grow without limit.
    String kept = body.length() > 6000 ? body.substring(0, body.lastIndexOf('\n', 6000) + 1) : body;
    int slot = recentCount % recentBodies.length;
    recentBodies[slot] = kept;
    recentSubjects[slot] = subject;
    recentIds[slot] = id;
    recentFrom[slot] = from;
    recentDates[slot] = date;
    recentCount++;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Parts
  // ---------------------------------------------------------------------------------------------------------

  private void textPart(StringBuilder m, String type, String text, String accountAs) {
    boolean ascii = isAscii(text);
    int r = rnd.nextInt(100);
    String cte;
    String encoded;
    if (type.equals("text/html") ? r < 70 : r < 25) {
      cte = "quoted-printable";
      encoded = quotedPrintable(text);
    } else if (r >= 92) {
      cte = "base64";
      encoded = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\n";
    } else {
      cte = ascii ? "7bit" : "8bit";
      encoded = text.endsWith("\n") ? text : text + "\n";
    }
    m.append("Content-Type: ").append(type).append("; charset=\"").append(ascii && rnd.nextBoolean() ? "us-ascii" : "utf-8").append("\"");
    if (type.equals("text/plain") && rnd.nextInt(5) == 0) m.append("; format=flowed");
    m.append("\nContent-Transfer-Encoding: ").append(cte).append("\n\n");
    m.append(encoded);
    composition.merge(accountAs, (long) utf8Length(encoded), Long::sum);
  }

  private void attachment(StringBuilder m, int kind) {
    // log-uniform 20..500 KB
    int size = (int) Math.round(20 * 1024 * Math.exp(rnd.nextDouble() * Math.log(25)));
    byte[] content;
    String type;
    String name;
    String account;
    String stamp = isoDate(clock);
    if (kind < 70) {
      account = "attachment text (base64)";
      int t = rnd.nextInt(3);
      if (t == 0) {
        name = pick(new String[] {"report", "export", "customers", "invoices", "inventory", "metrics"}) + "-" + stamp + ".csv";
        type = "text/csv";
        content = csv(size);
      } else if (t == 1) {
        name = pick(new String[] {"notes", "minutes", "readme", "draft", "summary"}) + "-" + stamp + ".txt";
        type = "text/plain";
        content = prose(size);
      } else {
        name = pick(new String[] {"server", "app", "worker", "gateway", "batch"}) + "-" + stamp + ".log";
        type = "text/plain";
        content = log(size);
      }
    } else if (kind < 85) {
      account = "attachment binary (base64)";
      name = pick(new String[] {"backup", "dump", "firmware", "data", "archive"}) + "-" + stamp + (rnd.nextBoolean() ? ".bin" : ".dat");
      type = "application/octet-stream";
      content = new byte[size];
      rnd.nextBytes(content);
    } else {
      account = "attachment image (base64)";
      name = pick(new String[] {"IMG_", "photo_", "screenshot_", "scan_"}) + (1000 + rnd.nextInt(9000)) + ".jpg";
      type = "image/jpeg";
      content = new byte[size];
      rnd.nextBytes(content);
      content[0] = (byte) 0xff;
      content[1] = (byte) 0xd8;
      content[2] = (byte) 0xff;
      content[3] = (byte) 0xe0;
    }
    m.append("Content-Type: ").append(type);
    if (type.startsWith("text/")) m.append("; charset=\"utf-8\"");
    m.append("; name=\"").append(name).append("\"\n");
    m.append("Content-Disposition: attachment; filename=\"").append(name).append("\"; size=").append(content.length).append('\n');
    m.append("Content-Transfer-Encoding: base64\n\n");
    String encoded = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(content);
    m.append(encoded).append('\n');
    composition.merge(account, (long) encoded.length() + 1, Long::sum);
  }

  private String html(List<String> paragraphs, String secretLine, String signature, boolean disclaimer,
      String quoteHeader, String quotedText) {
    StringBuilder h = new StringBuilder(8192);
    boolean outlook = rnd.nextBoolean();
    if (outlook) {
      h.append(HTML_HEAD);
    } else {
      h.append("<div dir=\"ltr\">");
    }
    for (String par : paragraphs) {
      if (outlook) {
        h.append("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif\">");
      } else {
        h.append("<div>");
      }
      if (par == secretLine) {
        h.append("<code>");
        escapeHtml(h, par);
        h.append("</code>");
      } else {
        htmlText(h, par);
      }
      h.append(outlook ? "<o:p></o:p></span></p>\n<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n" : "</div><div><br></div>\n");
    }
    h.append(outlook ? "<p class=\"MsoNormal\">" : "<div><div dir=\"ltr\" class=\"gmail_signature\">");
    escapeHtml(h, signature.replace("\n", "\u0000"));
    int at = h.indexOf("\u0000");
    while (at >= 0) {
      h.replace(at, at + 1, "<br>\n");
      at = h.indexOf("\u0000", at);
    }
    h.append(outlook ? "</p>\n" : "</div></div>\n");
    if (disclaimer) {
      h.append("<p style=\"font-size:8pt;color:#808080\">");
      escapeHtml(h, DISCLAIMER);
      h.append("</p>\n");
    }
    if (quoteHeader != null) {
      h.append("<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">");
      escapeHtml(h, quoteHeader.replace('\n', ' '));
      h.append("<br></div>\n<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;"
          + "border-left:1px solid rgb(204,204,204);padding-left:1ex\">\n");
      for (String line : quotedText.split("\n")) {
        String l = line.replaceFirst("^(> ?)+", "");
        if (l.isEmpty()) {
          h.append("<br>\n");
        } else {
          escapeHtml(h, l);
          h.append("<br>\n");
        }
      }
      h.append("</blockquote></div>\n");
    }
    h.append(outlook ? "</div>\n</body>\n</html>\n" : "</div>\n");
    return h.toString();
  }

  private void htmlText(StringBuilder h, String par) {
    // Emphasis and links now and then, like real HTML mail.
    int at = 0;
    while (at < par.length()) {
      int space = par.indexOf(' ', at);
      int end = space < 0 ? par.length() : space + 1;
      int r = rnd.nextInt(60);
      if (r == 0) {
        h.append("<b>");
        escapeHtml(h, par.substring(at, end));
        h.append("</b>");
      } else if (r == 1) {
        h.append("<a href=\"https://wiki.example.com/display/ENG/").append(rnd.nextInt(100000)).append("\">");
        escapeHtml(h, par.substring(at, end));
        h.append("</a>");
      } else {
        escapeHtml(h, par.substring(at, end));
      }
      at = end;
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Text generation
  // ---------------------------------------------------------------------------------------------------------

  private String newSubject() {
    int r = rnd.nextInt(10);
    StringBuilder s = new StringBuilder();
    if (r == 0) s.append('[').append(pick(new String[] {"eng", "ops", "finance", "announce", "jira"})).append("] ");
    int n = 2 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      String w = pick(WORDS);
      if (i == 0) w = capitalize(w);
      s.append(i == 0 ? "" : " ").append(w);
    }
    if (rnd.nextInt(5) == 0) s.append(" - ").append(isoDate(clock));
    return s.toString();
  }

  private String paragraph() {
    StringBuilder p = new StringBuilder(512);
    int n = 1 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) p.append(' ');
      sentence(p);
    }
    return p.toString();
  }

  private void sentence(StringBuilder s) {
    int n = 5 + rnd.nextInt(16);
    boolean opener = rnd.nextInt(12) == 0;
    if (opener) s.append(pick(OPENERS)).append(' ');
    for (int i = 0; i < n; i++) {
      if (i > 0) s.append(rnd.nextInt(14) == 0 ? ", " : " ");
      int r = rnd.nextInt(200);
      String w;
      if (r == 0) w = "https://intranet.example.com/" + pick(WORDS).toLowerCase(Locale.ROOT) + "/" + rnd.nextInt(10000);
      else if (r == 1) w = people[rnd.nextInt(people.length)][1];
      else if (r == 2) w = (rnd.nextInt(900) + 100) + "." + rnd.nextInt(100);
      else if (r == 3) w = "#" + (10000 + rnd.nextInt(90000));
      else if (r == 4) w = "\u201c" + pick(WORDS) + "\u201d";
      else if (r == 5 && rnd.nextBoolean()) w = pick(RARE_WORDS);
      else w = pick(WORDS);
      s.append(i == 0 && !opener ? capitalize(w) : w);
    }
    int end = rnd.nextInt(10);
    s.append(end == 0 ? '?' : end == 1 ? '!' : '.');
  }

  private byte[] prose(int size) {
    StringBuilder b = new StringBuilder(size + 1024);
    while (b.length() < size) {
      wrap(b, paragraph(), 78);
      b.append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] csv(int size) {
    StringBuilder b = new StringBuilder(size + 256);
    b.append("id,name,email,city,amount,currency,status,created\n");
    int id = 1;
    while (b.length() < size) {
      String[] p = people[rnd.nextInt(people.length)];
      b.append(id++).append(',').append(p[0]).append(',').append(p[1]).append(',').append(pick(new String[] {
          "Berlin", "London", "Paris", "Tokyo", "Madrid", "Toronto", "Sydney", "Chicago", "Zürich"})).append(',')
          .append(rnd.nextInt(100000)).append('.').append(10 + rnd.nextInt(90)).append(',')
          .append(pick(new String[] {"EUR", "USD", "GBP", "CHF", "JPY"})).append(',')
          .append(pick(new String[] {"paid", "open", "overdue", "cancelled"})).append(',')
          .append(isoDate(clock - rnd.nextInt(30_000_000))).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] log(int size) {
    StringBuilder b = new StringBuilder(size + 256);
    long t = clock - 86400;
    while (b.length() < size) {
      t += rnd.nextInt(3);
      b.append(isoDate(t)).append('T').append(two((t / 3600) % 24)).append(':').append(two((t / 60) % 60)).append(':')
          .append(two(t % 60)).append('.').append(100 + rnd.nextInt(900)).append("Z ")
          .append(pick(new String[] {"INFO ", "INFO ", "INFO ", "DEBUG", "WARN ", "ERROR"})).append(" [")
          .append(pick(new String[] {"main", "http-nio-8080-exec-3", "scheduler-1", "kafka-consumer-2", "pool-4-thread-1"}))
          .append("] ").append(pick(new String[] {"c.e.api.OrderController", "c.e.db.ConnectionPool", "c.e.auth.TokenFilter",
              "o.a.k.clients.consumer.KafkaConsumer", "c.e.billing.InvoiceJob"})).append(" - ");
      int n = 4 + rnd.nextInt(10);
      for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(pick(WORDS));
      if (rnd.nextInt(4) == 0) b.append(" requestId=").append(randomString(HEX, 16)).append(" durationMs=").append(rnd.nextInt(5000));
      b.append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void wrap(StringBuilder out, String text, int width) {
    int lineStart = out.length();
    int at = 0;
    int n = text.length();
    while (at < n) {
      int space = text.indexOf(' ', at);
      int end = space < 0 ? n : space;
      if (out.length() - lineStart + (end - at) > width && out.length() > lineStart) {
        if (out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        out.append('\n');
        lineStart = out.length();
      }
      out.append(text, at, end);
      if (space >= 0) out.append(' ');
      at = end + 1;
    }
    out.append('\n');
  }

  // ---------------------------------------------------------------------------------------------------------
  // Headers
  // ---------------------------------------------------------------------------------------------------------

  private void traceHeaders(StringBuilder m, String[] from, String[] to, String fromDomain, String toDomain, String zone) {
    String mx = "mx" + (1 + rnd.nextInt(4)) + "." + toDomain;
    String relay = "mail-" + randomString("abcdefghijklmnopqrstuvwxyz", 2) + (1 + rnd.nextInt(9)) + "-f"
        + (10 + rnd.nextInt(200)) + "." + fromDomain;
    String ip = "203.0.113." + (1 + rnd.nextInt(254));
    m.append("Return-Path: <").append(from[1]).append(">\n");
    m.append("Delivered-To: ").append(to[1]).append('\n');
    m.append("Received: from ").append(relay).append(" (").append(relay).append(" [").append(ip).append("])\n")
        .append("        by ").append(mx).append(" (Postfix) with ESMTPS id ").append(randomString(ALNUM, 14)).append('\n')
        .append("        for <").append(to[1]).append(">; ").append(rfc2822(clock + 2, "+0000")).append(" (UTC)\n");
    int hops = rnd.nextInt(3);
    for (int i = 0; i < hops; i++) {
      m.append("Received: from ").append(randomString("abcdefghijklmnopqrstuvwxyz", 6)).append(".internal.").append(fromDomain)
          .append(" (10.").append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256))
          .append(")\n        by ").append(relay).append(" with SMTP id ").append(randomString(HEX, 12)).append(".")
          .append(rnd.nextInt(1000)).append(";\n        ").append(rfc2822(clock + 1, zone)).append('\n');
    }
    if (rnd.nextInt(3) == 0) {
      m.append("ARC-Seal: i=1; a=rsa-sha256; t=").append(clock).append("; cv=none;\n        d=").append(toDomain)
          .append("; s=arc-20160816;\n        b=");
      foldBase64(m, 344, "          ");
      m.append("ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=").append(toDomain).append(";\n")
          .append("        s=arc-20160816; h=to:subject:message-id:date:from:mime-version:dkim-signature;\n        bh=")
          .append(randomString(B64, 43)).append("=;\n        b=");
      foldBase64(m, 344, "          ");
    }
    m.append("Authentication-Results: ").append(mx).append(";\n       dkim=pass header.i=@").append(fromDomain)
        .append(" header.s=20230601 header.b=").append(randomString(ALNUM, 8)).append(";\n       spf=pass (")
        .append(toDomain).append(": domain of ").append(from[1]).append(" designates ").append(ip)
        .append(" as permitted sender) smtp.mailfrom=").append(from[1]).append(";\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=")
        .append(fromDomain).append('\n');
    m.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=").append(fromDomain)
        .append("; s=20230601; t=").append(clock).append("; x=").append(clock + 604800).append("; darn=").append(toDomain)
        .append(";\n        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject\n")
        .append("         :date:message-id:reply-to;\n        bh=").append(randomString(B64, 43)).append("=;\n        b=");
    foldBase64(m, rnd.nextInt(4) == 0 ? 684 : 344, "         ");
    if (rnd.nextBoolean()) {
      m.append("X-Google-Smtp-Source: AGHT+I").append(randomString(B64, 90)).append("==\n");
      m.append("X-Received: by 2002:a05:6a00:").append(randomString(HEX, 4)).append(" with SMTP id ")
          .append(randomString(ALNUM, 20)).append(";\n        ").append(rfc2822(clock + 1, "-0800")).append(" (PST)\n");
    }
  }

  private void foldBase64(StringBuilder m, int length, String indent) {
    int written = 0;
    int first = 60;
    while (written < length) {
      int n = Math.min(length - written, written == 0 ? first : 70);
      if (written > 0) m.append('\n').append(indent);
      m.append(randomString(B64, n));
      written += n;
    }
    m.append("=\n");
  }

  private String messageId(String domain) {
    return switch (rnd.nextInt(3)) {
      case 0 -> "<CA" + randomString(ALNUM, 40) + "@mail.gmail.com>";
      case 1 -> "<" + randomString(HEX, 8) + "-" + randomString(HEX, 4) + "-" + randomString(HEX, 4) + "-"
          + randomString(HEX, 12) + "@" + domain + ">";
      default -> "<" + clock + "." + sequence + "." + randomString(HEX, 10) + "@" + domain + ">";
    };
  }

  private String boundary() {
    return rnd.nextBoolean() ? "0000000000" + randomString(HEX, 18) : "----=_Part_" + rnd.nextInt(1000000) + "_"
        + rnd.nextInt(1000000000) + "." + clock;
  }

  private static String displayAddress(String[] person) {
    return (isAscii(person[0]) ? "\"" + person[0] + "\"" : encodeHeaderIfNeeded(person[0])) + " <" + person[1] + ">";
  }

  private static String encodeHeaderIfNeeded(String text) {
    if (isAscii(text)) return text;
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Encodings and small helpers
  // ---------------------------------------------------------------------------------------------------------

  /** Quoted-printable with soft line breaks at 76 columns (RFC 2045), LF line ends. */
  static String quotedPrintable(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(b.length + b.length / 8);
    int col = 0;
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xff;
      if (c == '\n') {
        out.append('\n');
        col = 0;
        continue;
      }
      boolean lineEndNext = i + 1 == b.length || b[i + 1] == '\n';
      boolean literal = c >= 33 && c <= 126 && c != '=' || (c == ' ' || c == '\t') && !lineEndNext;
      int width = literal ? 1 : 3;
      if (col + width > 75) {
        out.append("=\n");
        col = 0;
      }
      if (literal) {
        out.append((char) c);
      } else {
        out.append('=').append(Character.toUpperCase(HEX.charAt(c >> 4))).append(Character.toUpperCase(HEX.charAt(c & 15)));
      }
      col += width;
    }
    if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') out.append('\n');
    return out.toString();
  }

  /** mboxrd: a line matching {@code ^>*From } gets one more {@code >}. */
  private static StringBuilder escapeFromLines(StringBuilder m) {
    int firstNl = m.indexOf("\n") + 1; // the separator line itself is kept
    StringBuilder out = null;
    int copied = 0;
    int line = firstNl;
    int n = m.length();
    while (line < n) {
      int i = line;
      while (i < n && m.charAt(i) == '>') i++;
      if (i + 5 <= n && m.charAt(i) == 'F' && m.charAt(i + 1) == 'r' && m.charAt(i + 2) == 'o' && m.charAt(i + 3) == 'm'
          && m.charAt(i + 4) == ' ') {
        if (out == null) out = new StringBuilder(n + 64);
        out.append(m, copied, line).append('>');
        copied = line;
      }
      int nl = m.indexOf("\n", line);
      if (nl < 0) break;
      line = nl + 1;
    }
    if (out == null) return m;
    out.append(m, copied, n);
    return out;
  }

  private static void escapeHtml(StringBuilder h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> h.append("&lt;");
        case '>' -> h.append("&gt;");
        case '&' -> h.append("&amp;");
        case '"' -> h.append("&quot;");
        default -> h.append(c);
      }
    }
  }

  /**
   * The token with its last 6 characters replaced by GitHub's checksum of the 30 before them (CRC32 in base62,
   * 0-9A-Za-z, '0'-padded), so that the github-crc32 validator keeps it (the same as the tests' ChecksummedTokens).
   */
  static String withChecksum(String token) {
    int underscore = token.indexOf('_');
    String body = token.substring(underscore + 1, underscore + 31);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long value = crc.getValue();
    String base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char[] sum = new char[6];
    for (int i = 5; i >= 0; i--) {
      sum[i] = base62.charAt((int) (value % 62));
      value /= 62;
    }
    return token.substring(0, underscore + 1) + body + new String(sum);
  }

  /** An AWS key id whose fifth character (Q-Z, 2-5) makes it encode a possible account id (aws-account-id). */
  static String withPossibleAccount(String keyId) {
    String first = "QRSTUVWXYZ2345";
    char fifth = keyId.charAt(4);
    if (fifth == 'I' || fifth == 'J' || first.indexOf(fifth) >= 0) {
      return keyId;
    }
    return keyId.substring(0, 4) + first.charAt(BASE32.indexOf(fifth) % first.length()) + keyId.substring(5);
  }

  private String randomString(String alphabet, int n) {
    char[] c = new char[n];
    int size = alphabet.length();
    for (int i = 0; i < n; i++) c[i] = alphabet.charAt(rnd.nextInt(size));
    return new String(c);
  }

  private String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private static String capitalize(String w) {
    return w.isEmpty() || Character.isUpperCase(w.charAt(0)) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) return false;
    }
    return true;
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
        .replace(" ", "");
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  private static String two(long v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }

  // Dates without java.time formatting in the hot path (proleptic Gregorian, epoch seconds).
  private static long[] civil(long epochDay) {
    long z = epochDay + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return new long[] {m <= 2 ? y + 1 : y, m, d};
  }

  private static String isoDate(long epochSeconds) {
    long[] ymd = civil(Math.floorDiv(epochSeconds, 86400));
    return ymd[0] + "-" + two(ymd[1]) + "-" + two(ymd[2]);
  }

  /** "Mon Jan  1 10:00:00 2024" (UTC), the mbox separator date. */
  private static String asctime(long t) {
    long day = Math.floorDiv(t, 86400);
    long sec = t - day * 86400;
    long[] ymd = civil(day);
    String dow = DAYS[(int) Math.floorMod(day + 3, 7)]; // 1970-01-01 was a Thursday
    return dow + " " + MONTHS[(int) ymd[1] - 1] + " " + (ymd[2] < 10 ? " " + ymd[2] : String.valueOf(ymd[2])) + " "
        + two(sec / 3600) + ":" + two(sec / 60 % 60) + ":" + two(sec % 60) + " " + ymd[0];
  }

  /** "Mon, 1 Jan 2024 10:00:00 +0100" in the given zone. */
  private static String rfc2822(long t, String zone) {
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    long offset = sign * (Long.parseLong(zone.substring(1, 3)) * 3600 + Long.parseLong(zone.substring(3, 5)) * 60);
    long local = t + offset;
    long day = Math.floorDiv(local, 86400);
    long sec = local - day * 86400;
    long[] ymd = civil(day);
    return DAYS[(int) Math.floorMod(day + 3, 7)] + ", " + ymd[2] + " " + MONTHS[(int) ymd[1] - 1] + " " + ymd[0] + " "
        + two(sec / 3600) + ":" + two(sec / 60 % 60) + ":" + two(sec % 60) + " " + zone;
  }
}
