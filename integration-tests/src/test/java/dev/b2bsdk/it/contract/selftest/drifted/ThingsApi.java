package dev.b2bsdk.it.contract.selftest.drifted;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** A client that drifted from the self-test spec, one way per operation. */
public interface ThingsApi {
  /** Sends a query parameter the spec does not declare. */
  @GET("things/{id}")
  Call<Thing> getThing(@Path("id") Long id, @Query("verbosity") Boolean verbose);

  /** Its model lost the required {@code name} (renamed), so the request body is invalid. */
  @POST("things")
  Call<Thing> createThing(@Body Thing thing);

  /** Calls a path the spec does not have. */
  @GET("publik")
  Call<Void> getPublic();

  /** Its model calls {@code name} differently: the response's name is lost when read. */
  @GET("other")
  Call<Thing> getOther();

  /** Matches the spec (the spec's example is what is broken). */
  @GET("broken")
  Call<Thing> getBroken();

  /** The drifted client's model: {@code name} renamed. */
  class Thing {
    public Long id;
    public String title;
  }
}
