package dev.cicallback.codegen;

import com.sun.tools.xjc.Options;
import com.sun.tools.xjc.Plugin;
import com.sun.tools.xjc.model.CAdapter;
import com.sun.tools.xjc.model.CClassInfo;
import com.sun.tools.xjc.model.CCustomizations;
import com.sun.tools.xjc.model.CElement;
import com.sun.tools.xjc.model.CElementInfo;
import com.sun.tools.xjc.model.CElementPropertyInfo;
import com.sun.tools.xjc.model.CElementPropertyInfo.CollectionMode;
import com.sun.tools.xjc.model.CPropertyInfo;
import com.sun.tools.xjc.model.CReferencePropertyInfo;
import com.sun.tools.xjc.model.CTypeRef;
import com.sun.tools.xjc.model.Model;
import com.sun.tools.xjc.outline.Outline;
import com.sun.xml.xsom.XSComplexType;
import com.sun.xml.xsom.XSComponent;
import com.sun.xml.xsom.XSModelGroup;
import com.sun.xml.xsom.XSModelGroupDecl;
import com.sun.xml.xsom.XSParticle;
import com.sun.xml.xsom.XSTerm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.glassfish.jaxb.core.v2.model.core.ID;
import org.xml.sax.ErrorHandler;

/**
 * xjc plugin ({@code -Xunordered-choice}) that gives order-free content models a natural binding.
 *
 * <p>XSD 1.0 cannot say "these children in any order, some of them repeatable" except with a repeated
 * {@code xs:choice}, which xjc binds to one {@code List<Object> aOrBOrC}. This plugin splits such a property into one
 * property per element: a single value where the element's own {@code maxOccurs} is 1 (the schema enforces that with an
 * identity constraint), a {@code List} otherwise. JAXB unmarshalling does not depend on child order, so the result
 * reads every order the schema accepts.
 */
public final class UnorderedChoicePlugin extends Plugin {

  @Override
  public String getOptionName() {
    return "Xunordered-choice";
  }

  @Override
  public String getUsage() {
    return "  -Xunordered-choice  : split repeated-choice properties into one property per element";
  }

  @Override
  public boolean run(Outline outline, Options options, ErrorHandler errorHandler) {
    return true;
  }

  @Override
  public void postProcessModel(Model model, ErrorHandler errorHandler) {
    // A javaType customisation (CiTimestamp) of a simple type, as xjc applied it where it kept a property whole: a split
    // property of that type must keep it too.
    Map<QName, CAdapter> adaptersByType = new HashMap<>();
    for (CClassInfo classInfo : model.beans().values()) {
      for (CPropertyInfo property : classInfo.getProperties()) {
        if (property instanceof CElementPropertyInfo element && element.getAdapter() != null) {
          QName type = declaredType(element.getSchemaComponent());
          if (type != null) {
            adaptersByType.put(type, element.getAdapter());
          }
        }
      }
    }
    for (CClassInfo classInfo : model.beans().values()) {
      for (CPropertyInfo property : new ArrayList<>(classInfo.getProperties())) {
        if (property instanceof CElementPropertyInfo element
            && element.isCollection()
            && element.getTypes().size() > 1) {
          split(model, classInfo, property, element.getTypes(), adaptersByType);
        } else if (property instanceof CReferencePropertyInfo reference
            && reference.isCollection()
            && !reference.isMixed()
            && reference.getWildcard() == null
            && reference.getElements().stream().allMatch(CElementInfo.class::isInstance)) {
          // Children of one simple type (all xs:string, say) come as JAXBElement references.
          List<CTypeRef> types = new ArrayList<>();
          for (CElement element : reference.getElements()) {
            CElementInfo info = (CElementInfo) element;
            types.add(
                new CTypeRef(
                    info.getContentType(),
                    info.getElementName(),
                    info.getContentType().getTypeName(),
                    false,
                    null));
          }
          split(model, classInfo, property, types, adaptersByType);
        }
      }
    }
  }

  private static void split(
      Model model,
      CClassInfo classInfo,
      CPropertyInfo choice,
      List<CTypeRef> types,
      Map<QName, CAdapter> adapters) {
    Map<QName, BigInteger> maxOccurs = new HashMap<>();
    Map<QName, QName> typeNames = new HashMap<>();
    collectMaxOccurs(choice.getSchemaComponent(), maxOccurs, typeNames);
    int index = classInfo.getProperties().indexOf(choice);
    for (CTypeRef type : types) {
      boolean single = BigInteger.ONE.equals(maxOccurs.get(type.getTagName()));
      CElementPropertyInfo property =
          new CElementPropertyInfo(
              model.getNameConverter().toPropertyName(type.getTagName().getLocalPart()),
              single ? CollectionMode.NOT_REPEATED : CollectionMode.REPEATED_ELEMENT,
              ID.NONE,
              null,
              choice.getSchemaComponent(),
              CCustomizations.EMPTY,
              choice.getLocator(),
              false);
      property.getTypes().add(
          new CTypeRef(
              type.getTarget(),
              type.getTagName(),
              type.getTypeName(),
              type.isNillable(),
              type.defaultValue));
      QName typeName = typeNames.get(type.getTagName());
      CAdapter adapter = typeName == null ? null : adapters.get(typeName);
      if (adapter != null) {
        property.setAdapter(adapter);
      }
      classInfo.getProperties().add(index++, property);
    }
    classInfo.getProperties().remove(choice);
  }

  /** The name of the declared (named) type of an element particle or declaration, or null. */
  private static QName declaredType(XSComponent component) {
    XSComponent declaration =
        component instanceof XSParticle particle && particle.getTerm().isElementDecl()
            ? particle.getTerm().asElementDecl()
            : component;
    if (declaration instanceof com.sun.xml.xsom.XSElementDecl element && element.getType().getName() != null) {
      return new QName(element.getType().getTargetNamespace(), element.getType().getName());
    }
    return null;
  }

  /** Records the declared maxOccurs of every element particle under {@code component}. */
  private static void collectMaxOccurs(
      XSComponent component, Map<QName, BigInteger> into, Map<QName, QName> typeNames) {
    if (component instanceof XSComplexType complexType) {
      XSParticle particle = complexType.getContentType().asParticle();
      if (particle != null) {
        collectMaxOccurs(particle, into, typeNames);
      }
    } else if (component instanceof XSParticle particle) {
      XSTerm term = particle.getTerm();
      if (term.isElementDecl()) {
        QName name = new QName(term.asElementDecl().getTargetNamespace(), term.asElementDecl().getName());
        into.put(name, particle.getMaxOccurs());
        var type = term.asElementDecl().getType();
        if (type.getName() != null) {
          typeNames.put(name, new QName(type.getTargetNamespace(), type.getName()));
        }
      } else {
        collectMaxOccurs(term, into, typeNames);
      }
    } else if (component instanceof XSModelGroupDecl groupDecl) {
      collectMaxOccurs(groupDecl.getModelGroup(), into, typeNames);
    } else if (component instanceof XSModelGroup group) {
      for (XSParticle child : group.getChildren()) {
        collectMaxOccurs(child, into, typeNames);
      }
    }
  }
}
