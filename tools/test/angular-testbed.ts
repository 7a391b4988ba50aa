// Component tests (jest.preset.web-dom.js): one TestBed environment per test file, as the app runs it
// (apps/web/src/app/app.config.ts): zoneless change detection, and Angular Material without animations (they
// only delay what jsdom would show). Components are torn down after each test so their DOM and effects do not
// leak into the next one. HttpClient is the spec's to provide (provideHttpClient + provideHttpClientTesting).
import { NgModule, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';

@NgModule({
  providers: [
    provideZonelessChangeDetection(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ],
})
class ComponentTestingModule {}

TestBed.initTestEnvironment([BrowserTestingModule, ComponentTestingModule], platformBrowserTesting(), {
  teardown: { destroyAfterEach: true },
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
