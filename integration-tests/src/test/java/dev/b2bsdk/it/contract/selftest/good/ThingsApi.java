package dev.b2bsdk.it.contract.selftest.good;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** A client that matches the self-test spec. */
public interface ThingsApi {
  @GET("things/{id}")
  Call<Thing> getThing(@Path("id") Long id, @Query("verbose") Boolean verbose);

  @POST("things")
  Call<Thing> createThing(@Body Thing thing);

  @GET("other")
  Call<Thing> getOther();

  @GET("broken")
  Call<Thing> getBroken();

  @GET("public")
  Call<Void> getPublic();
}
