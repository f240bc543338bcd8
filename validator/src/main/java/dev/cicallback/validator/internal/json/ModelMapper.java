package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one databind mapper that binds and writes the model: its caches of (de)serialisers are built once. */
public final class ModelMapper {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelMapper() {}
}
