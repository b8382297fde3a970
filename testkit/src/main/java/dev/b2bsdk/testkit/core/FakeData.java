package dev.b2bsdk.testkit.core;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic generator of believable records: Czech and French people, companies, cities and
 * streets, ids. The same seed gives the same data on every run and machine, so tests can assert on
 * generated values. Not thread-safe (mocks generate under their lock).
 */
public final class FakeData {

  private static final List<String> CZ_MALE = List.of("Jan", "Petr", "Josef", "Pavel", "Martin",
      "Tomáš", "Jaroslav", "Jiří", "Miroslav", "Zdeněk", "Václav", "Michal", "František", "Karel",
      "Lukáš", "David", "Jakub", "Ondřej", "Milan", "Vojtěch");
  private static final List<String> CZ_FEMALE = List.of("Jana", "Marie", "Eva", "Hana", "Anna",
      "Lenka", "Kateřina", "Lucie", "Věra", "Alena", "Petra", "Veronika", "Martina", "Tereza",
      "Michaela", "Zuzana", "Barbora", "Markéta", "Klára", "Jitka");
  private static final List<String[]> CZ_SURNAMES = List.of(
      new String[] {"Novák", "Nováková"}, new String[] {"Svoboda", "Svobodová"},
      new String[] {"Novotný", "Novotná"}, new String[] {"Dvořák", "Dvořáková"},
      new String[] {"Černý", "Černá"}, new String[] {"Procházka", "Procházková"},
      new String[] {"Kučera", "Kučerová"}, new String[] {"Veselý", "Veselá"},
      new String[] {"Horák", "Horáková"}, new String[] {"Němec", "Němcová"},
      new String[] {"Pokorný", "Pokorná"}, new String[] {"Marek", "Marková"},
      new String[] {"Pospíšil", "Pospíšilová"}, new String[] {"Hájek", "Hájková"},
      new String[] {"Jelínek", "Jelínková"}, new String[] {"Král", "Králová"},
      new String[] {"Růžička", "Růžičková"}, new String[] {"Beneš", "Benešová"},
      new String[] {"Fiala", "Fialová"}, new String[] {"Sedláček", "Sedláčková"});
  private static final List<String[]> CZ_CITIES = List.of(
      new String[] {"Praha", "110 00"}, new String[] {"Brno", "602 00"},
      new String[] {"Ostrava", "702 00"}, new String[] {"Plzeň", "301 00"},
      new String[] {"Liberec", "460 01"}, new String[] {"Olomouc", "779 00"},
      new String[] {"České Budějovice", "370 01"}, new String[] {"Hradec Králové", "500 02"},
      new String[] {"Pardubice", "530 02"}, new String[] {"Zlín", "760 01"},
      new String[] {"Jihlava", "586 01"}, new String[] {"Kladno", "272 01"});
  private static final List<String> CZ_STREETS = List.of("Husova", "Masarykova", "Nádražní",
      "Palackého", "Komenského", "Žižkova", "Jiráskova", "Smetanova", "Školní", "Zahradní",
      "Havlíčkova", "Tyršova");
  private static final List<String> CZ_MAIL = List.of("seznam.cz", "email.cz", "centrum.cz",
      "gmail.com");

  private static final List<String> FR_MALE = List.of("Jean", "Pierre", "Michel", "Philippe",
      "Alain", "Nicolas", "Julien", "Thomas", "Antoine", "Louis", "Hugo", "Lucas", "Mathieu",
      "Olivier", "Laurent");
  private static final List<String> FR_FEMALE = List.of("Marie", "Nathalie", "Isabelle",
      "Sylvie", "Catherine", "Claire", "Camille", "Julie", "Emma", "Léa", "Chloé", "Manon",
      "Sophie", "Céline", "Aurélie");
  private static final List<String> FR_SURNAMES = List.of("Martin", "Bernard", "Dubois",
      "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
      "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
      "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine");
  private static final List<String[]> FR_CITIES = List.of(
      new String[] {"Paris", "75011"}, new String[] {"Lyon", "69002"},
      new String[] {"Marseille", "13001"}, new String[] {"Toulouse", "31000"},
      new String[] {"Nantes", "44000"}, new String[] {"Bordeaux", "33000"},
      new String[] {"Lille", "59000"}, new String[] {"Strasbourg", "67000"},
      new String[] {"Montpellier", "34000"}, new String[] {"Rennes", "35000"},
      new String[] {"Nice", "06000"}, new String[] {"Grenoble", "38000"});
  private static final List<String> FR_STREETS = List.of("rue de la République",
      "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Voltaire", "rue Pasteur",
      "place de la Mairie", "rue des Lilas", "rue du Commerce", "rue Nationale",
      "allée des Tilleuls");
  private static final List<String> FR_MAIL = List.of("orange.fr", "free.fr", "laposte.net",
      "gmail.com");

  private final Random random;

  /** A generator with a fixed seed. */
  public FakeData(long seed) {
    this.random = new Random(seed);
  }

  /** A Czech person (address in Czechia, language cs). */
  public Person czechPerson() {
    boolean female = random.nextBoolean();
    String first = pick(female ? CZ_FEMALE : CZ_MALE);
    String last = pick(CZ_SURNAMES)[female ? 1 : 0];
    String[] city = pick(CZ_CITIES);
    String phone = "+420 " + (random.nextBoolean() ? "6" : "7") + digits(2) + " " + digits(3)
        + " " + digits(3);
    return new Person(female, first, last, email(first, last, CZ_MAIL), phone,
        pick(CZ_STREETS) + " " + between(1, 120), city[0], city[1], "CZ", "cs", birthdate());
  }

  /** A French person (address in France, language fr). */
  public Person frenchPerson() {
    boolean female = random.nextBoolean();
    String first = pick(female ? FR_FEMALE : FR_MALE);
    String last = pick(FR_SURNAMES);
    String[] city = pick(FR_CITIES);
    String phone = "+33 " + (random.nextBoolean() ? "6" : "7") + " " + digits(2) + " "
        + digits(2) + " " + digits(2) + " " + digits(2);
    return new Person(female, first, last, email(first, last, FR_MAIL), phone,
        between(1, 80) + " " + pick(FR_STREETS), city[0], city[1], "FR", "fr", birthdate());
  }

  /** A Czech or French person (about two in three Czech). */
  public Person person() {
    return random.nextInt(3) < 2 ? czechPerson() : frenchPerson();
  }

  /** A believable Czech company name, e.g. {@code Pekárna Dvořák s.r.o.}. */
  public String czechCompany() {
    String surname = pick(CZ_SURNAMES)[0];
    String city = pick(CZ_CITIES)[0];
    return switch (random.nextInt(5)) {
      case 0 -> "Pekárna " + surname + " s.r.o.";
      case 1 -> surname + " a syn, s.r.o.";
      case 2 -> "Stavebniny " + city + " a.s.";
      case 3 -> "Vinařství " + surname;
      default -> "Autoservis " + surname + " s.r.o.";
    };
  }

  /** A believable French company name, e.g. {@code Boulangerie Moreau SARL}. */
  public String frenchCompany() {
    String surname = pick(FR_SURNAMES);
    return switch (random.nextInt(4)) {
      case 0 -> "Boulangerie " + surname + " SARL";
      case 1 -> surname + " & Fils";
      case 2 -> "Atelier " + surname + " SAS";
      default -> "La Boutique de " + pick(FR_FEMALE);
    };
  }

  /** A random element. */
  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** An integer in {@code [min, max]}. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** {@code n} lower-case hex characters. */
  public String hex(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }

  /** {@code n} decimal digits (may start with 0). */
  public String digits(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  /** A random (version 4 shaped) UUID from the seeded stream. */
  public UUID uuid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** A date between {@code from} and {@code to}, inclusive. */
  public LocalDate dateBetween(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays((long) (random.nextDouble() * (days + 1)));
  }

  /** Lower-case ASCII form of a name (diacritics removed, spaces to dots). */
  public static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
  }

  private LocalDate birthdate() {
    return dateBetween(LocalDate.of(1950, 1, 1), LocalDate.of(2004, 12, 31));
  }

  private String email(String first, String last, List<String> domains) {
    String local = switch (random.nextInt(3)) {
      case 0 -> ascii(first) + "." + ascii(last);
      case 1 -> ascii(first).charAt(0) + ascii(last);
      default -> ascii(last) + digits(2);
    };
    return local + "@" + pick(domains);
  }
}
