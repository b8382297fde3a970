package dev.b2bsdk.testkit.core;

import java.time.LocalDate;

/**
 * A generated person: names, gender, contact details and a postal address (country code {@code CZ} or
 * {@code FR}, language {@code cs} or {@code fr}).
 *
 * @param female whether the person is a woman (Czech surnames take the feminine form)
 * @param firstName first name
 * @param lastName surname
 * @param email e-mail address without diacritics
 * @param phone phone number in international form with spaces
 * @param street street and house number
 * @param city city
 * @param zip postcode
 * @param countryCode ISO country code, upper case
 * @param language ISO 639-1 language
 * @param birthdate date of birth
 */
public record Person(boolean female, String firstName, String lastName, String email,
    String phone, String street, String city, String zip, String countryCode, String language,
    LocalDate birthdate) {

  /** "First Last". */
  public String fullName() {
    return firstName + " " + lastName;
  }
}
