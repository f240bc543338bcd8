package dev.cicallback.model;

import dev.cicallback.model.xml.ObjectFactory;
import dev.cicallback.model.xml.Response;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.transform.stream.StreamSource;

/** Reads and writes fixtures through the generated bindings, and flattens bound objects for comparison. */
final class Bindings {

  private static final JAXBContext JAXB;

  static {
    try {
      JAXB = JAXBContext.newInstance(ObjectFactory.class);
    } catch (JAXBException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Bindings() {}

  static Response readXml(byte[] payload) {
    try {
      return JAXB.createUnmarshaller()
          .unmarshal(new StreamSource(new ByteArrayInputStream(payload)), Response.class)
          .getValue();
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] writeXml(Response response) {
    try {
      Marshaller marshaller = JAXB.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      marshaller.marshal(new ObjectFactory().createResponse(response), out);
      return out.toByteArray();
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  static dev.cicallback.model.json.Callback readJson(byte[] payload) {
    try {
      return ContractSchemas.MAPPER.readValue(payload, dev.cicallback.model.json.Callback.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] writeJson(dev.cicallback.model.json.Callback response) {
    try {
      return ContractSchemas.MAPPER.writeValueAsBytes(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A bound object as nested maps, lists and strings, keyed by getter name, so that the XML and the JSON binding of
   * the same payload compare equal: enums by their wire value, timestamps by their text, empty values left out.
   */
  static Object flatten(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text.isEmpty() ? null : text;
    }
    if (value instanceof Enum<?> || value instanceof CiTimestamp) {
      return wireValue(value);
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        Object flat = flatten(item);
        if (flat != null) {
          items.add(flat);
        }
      }
      return items.isEmpty() ? null : items;
    }
    Map<String, Object> fields = new TreeMap<>();
    for (Method getter : getters(value.getClass())) {
      Object flat = flatten(invoke(getter, value));
      if (flat != null) {
        fields.put(getter.getName(), flat);
      }
    }
    return fields.isEmpty() ? null : fields;
  }

  /** Public no-argument getters of a generated class, its superclasses included. */
  static List<Method> getters(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().startsWith("get") && m.getParameterCount() == 0)
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !m.getName().equals("getClass"))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  private static Object wireValue(Object value) {
    if (value instanceof CiTimestamp timestamp) {
      return timestamp.toString();
    }
    try {
      return value.getClass().getMethod("value").invoke(value).toString();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("enum without value(): " + value.getClass(), e);
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(getter.toString(), e);
    }
  }
}
