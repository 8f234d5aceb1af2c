import { mountApp } from '@/components/mountApp';
import { App } from './App';
import './popup.css';

mountApp(App);
