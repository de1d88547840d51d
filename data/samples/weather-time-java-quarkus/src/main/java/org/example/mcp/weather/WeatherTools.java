package org.example.mcp.weather;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;

public class WeatherTools {

    private static final String API = "https://api.open-weather.example/v2";
    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Tool(description = "Get the weather forecast for the next days at a latitude and longitude.")
    String get_forecast(@ToolArg(description = "Latitude") double latitude,
                        @ToolArg(description = "Longitude") double longitude,
                        @ToolArg(description = "Number of days, 1 to 7", defaultValue = "3") int days) throws Exception {
        return get("/forecast?lat=" + latitude + "&lon=" + longitude + "&days=" + days);
    }

    @Tool(name = "geocode", description = "Find the latitude and longitude of a city or place name.",
          annotations = @Tool.Annotations(title = "Geocode a place", readOnlyHint = true, openWorldHint = false))
    String lookupPlace(@ToolArg(description = "City or place, e.g. Lisbon") String place) throws Exception {
        return get("/geocode?q=" + URLEncoder.encode(place, StandardCharsets.UTF_8));
    }

    @Tool(description = "Current date and time in an IANA time zone, e.g. Europe/Paris.",
          annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    String get_current_time(@ToolArg(description = "IANA time zone id") String timezone) {
        return ZonedDateTime.now(ZoneId.of(timezone)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Tool(description = "Convert a local date-time from one time zone to another.")
    String convert_time(@ToolArg(description = "Local date-time, ISO 8601 without offset") String time,
                        @ToolArg(description = "Source time zone") String from,
                        @ToolArg(description = "Target time zone") String to) {
        return LocalDateTime.parse(time).atZone(ZoneId.of(from)).withZoneSameInstant(ZoneId.of(to))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
