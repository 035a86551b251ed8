package com.essentialslti.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All endpoints live at the root of the tool's URL: /lti/login, /lti/launch, /.well-known/jwks.json, ... */
@ApplicationPath("/")
public class ToolApplication extends Application {
}
