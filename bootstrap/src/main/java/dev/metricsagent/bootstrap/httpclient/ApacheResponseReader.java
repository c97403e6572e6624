package dev.metricsagent.bootstrap.httpclient;

import java.lang.reflect.Method;

/**
 * Reads the status and headers of an Apache HttpClient 5 {@code HttpResponse} by reflection (the
 * bootstrap loader cannot see its type), with the methods looked up once per copy of the library:
 * a {@link ClassValue} on the callback interface, which holds no strong reference to the
 * application's class loader.
 */
final class ApacheResponseReader {

  private static final ClassValue<ApacheResponseReader> BY_CALLBACK_TYPE =
      new ClassValue<ApacheResponseReader>() {
        @Override
        protected ApacheResponseReader computeValue(Class<?> callbackType) {
          return new ApacheResponseReader(callbackType);
        }
      };

  private final Method getCode;
  private final Method getFirstHeader;
  private final Method getValue;

  /** @param callbackType {@code AsyncExecCallback}, whose {@code handleResponse} takes the response */
  private ApacheResponseReader(Class<?> callbackType) {
    Class<?> responseType = null;
    for (Method method : callbackType.getMethods()) {
      if (method.getName().equals("handleResponse") && method.getParameterCount() > 0) {
        responseType = method.getParameterTypes()[0];
      }
    }
    if (responseType == null) {
      throw new IllegalStateException("no handleResponse method in " + callbackType);
    }
    try {
      getCode = responseType.getMethod("getCode");
      getFirstHeader = responseType.getMethod("getFirstHeader", String.class);
      getValue = getFirstHeader.getReturnType().getMethod("getValue");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApacheResponseReader of(Class<?> callbackType) {
    return BY_CALLBACK_TYPE.get(callbackType);
  }

  int status(Object response) throws ReflectiveOperationException {
    return (Integer) getCode.invoke(response);
  }

  /** The value of the response's first header of this name, or null. */
  String header(Object response, String name) throws ReflectiveOperationException {
    Object header = getFirstHeader.invoke(response, name);
    return header == null ? null : (String) getValue.invoke(header);
  }
}
