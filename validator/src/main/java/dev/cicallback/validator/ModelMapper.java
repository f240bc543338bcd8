package dev.cicallback.validator;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one databind mapper that binds and writes the model: its caches of (de)serialisers are built once. */
final class ModelMapper {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelMapper() {}
}
