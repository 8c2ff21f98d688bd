package org.issuetracker.interfaces.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Marks a new view stateless as soon as it is created, by the same rules as the templates' {@code f:view transient}
 * ({@link Viewer#isStateless()}; the error pages always): MyFaces (OpenLiberty's Faces) creates the HTTP session
 * for a view's state before it builds the page and reads that attribute, so every anonymous page and every visit of
 * the sign-in page would otherwise start a session (and, on Liberty, write it to Redis). Mojarra reads the attribute
 * first; for it this changes nothing. Registered in faces-config.xml.
 */
public class StatelessViews extends ViewHandlerWrapper {

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null
                && (viewId != null && viewId.startsWith("/errors/")
                        || CDI.current().select(Viewer.class).get().isStateless())) {
            view.setTransient(true);
        }
        return view;
    }
}
